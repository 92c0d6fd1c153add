# Build-time step (cmake -P) that writes the CVSS v4.0 tables header from the npm package
# @pandatix/js-cvss, with a clear message when node or node_modules is missing.
#   -DNODE=<node> -DPACKAGE_DIR=<node_modules/@pandatix/js-cvss> -DGENERATOR=<gen_v4_tables.mjs>
#   -DOUTPUT=<v4_generated_tables.inc>
if(NOT NODE)
  message(FATAL_ERROR
    "CVSS v4.0 tables: Node.js was not found when CMake configured this build. The MacroVector "
    "lookup table is generated at build time from the npm package @pandatix/js-cvss. Install "
    "nodejs (scripts/install_deps.sh), run scripts/install_node_deps.sh, then re-run CMake.")
endif()
if(NOT EXISTS "${PACKAGE_DIR}/dist/cvss40.js")
  message(FATAL_ERROR
    "CVSS v4.0 tables: ${PACKAGE_DIR}/dist/cvss40.js is missing. The MacroVector lookup table is "
    "generated at build time from the npm package @pandatix/js-cvss (pinned in package.json). "
    "Run scripts/install_node_deps.sh from the repository root, then build again.")
endif()
execute_process(
  COMMAND "${NODE}" "${GENERATOR}" "${PACKAGE_DIR}" "${OUTPUT}.tmp"
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  message(FATAL_ERROR "CVSS v4.0 tables: ${GENERATOR} failed (${status}); see the message above. "
                      "Reinstall the npm packages with scripts/install_node_deps.sh.")
endif()
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
