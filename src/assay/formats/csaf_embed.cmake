# Build-time step (cmake -P) that writes csaf_embedded_data.cc from the npm package
# @secvisogram/csaf-validator-lib with csaf_embed.mjs, failing with a clear message when node or
# node_modules is missing. Nothing from the package is committed to the repository.
#   -DNODE=<node> -DPACKAGE_DIR=<node_modules/@secvisogram/csaf-validator-lib>
#   -DGENERATOR=<csaf_embed.mjs> -DOUTPUT=<csaf_embedded_data.cc>
if(NOT NODE)
  message(FATAL_ERROR
    "CSAF schemas: Node.js was not found when CMake configured this build. The CSAF 2.0 and CVSS "
    "schemas, the CWE catalogue and the language subtags are embedded at build time from the npm "
    "package @secvisogram/csaf-validator-lib. Install nodejs (scripts/install_deps.sh), run "
    "scripts/install_node_deps.sh, then re-run CMake.")
endif()
if(NOT EXISTS "${PACKAGE_DIR}/lib/schemaTests/csaf_2_0/schema.js")
  message(FATAL_ERROR
    "CSAF schemas: ${PACKAGE_DIR} is missing. They are embedded at build time from the npm package "
    "@secvisogram/csaf-validator-lib (pinned in package.json). Run scripts/install_node_deps.sh "
    "from the repository root, then build again.")
endif()
execute_process(COMMAND "${NODE}" "${GENERATOR}" "${PACKAGE_DIR}" "${OUTPUT}.tmp"
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  message(FATAL_ERROR "CSAF schemas: ${GENERATOR} failed (${status}); see the message above. "
                      "Reinstall the npm packages with scripts/install_node_deps.sh.")
endif()
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
