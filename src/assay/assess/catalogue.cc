// Catalogue reading (stage 1), checking (stage 2) and compiling (stage 3).
#include "assay/assess/catalogue.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "assay/assess/internal/embedded.h"
#include "assay/assess/internal/fields.h"
#include "assay/core/json.h"

namespace assay::assess {

std::string_view to_string(EntryKind kind) {
  switch (kind) {
    case EntryKind::kTheme:
      return "theme";
    case EntryKind::kPrinciple:
      return "principle";
    case EntryKind::kClaim:
      return "claim";
    case EntryKind::kProvision:
      return "provision";
  }
  return "claim";
}

std::string_view to_string(Level level) {
  switch (level) {
    case Level::kNone:
      return "";
    case Level::kShall:
      return "shall";
    case Level::kShould:
      return "should";
  }
  return "";
}

std::string_view to_string(Role role) {
  switch (role) {
    case Role::kDeveloperDistributor:
      return "developer-distributor";
    case Role::kReseller:
      return "reseller";
    case Role::kDeveloperOnly:
      return "developer-only";
  }
  return "developer-distributor";
}

bool parse_role(std::string_view text, Role& role) {
  for (const Role candidate :
       {Role::kDeveloperDistributor, Role::kReseller, Role::kDeveloperOnly}) {
    if (text == to_string(candidate)) {
      role = candidate;
      return true;
    }
  }
  return false;
}

namespace {

using internal::Fields;

bool parse_kind(std::string_view text, EntryKind& kind) {
  for (const EntryKind candidate :
       {EntryKind::kTheme, EntryKind::kPrinciple, EntryKind::kClaim, EntryKind::kProvision}) {
    if (text == to_string(candidate)) {
      kind = candidate;
      return true;
    }
  }
  return false;
}

Entry read_entry(const Fields& fields) {
  Entry entry;
  entry.location = fields.location();
  if (!fields.is_object("an entry")) {
    return entry;
  }
  fields.allow_only({"id", "kind", "parent", "level", "title", "text", "applies_to", "maps"});
  entry.id = fields.string("id", true);
  const std::string kind = fields.string("kind", true);
  if (!kind.empty() && !parse_kind(kind, entry.kind)) {
    fields.error("BAD-VALUE",
                 "unknown kind \"" + kind + "\" (expected theme, principle, claim or provision)",
                 "kind");
  }
  entry.parent = fields.string("parent", false);
  const std::string level = fields.string("level", false);
  if (level == "shall") {
    entry.level = Level::kShall;
  } else if (level == "should") {
    entry.level = Level::kShould;
  } else if (!level.empty()) {
    fields.error("BAD-VALUE", "unknown level \"" + level + "\" (expected shall or should)",
                 "level");
  }
  entry.title = fields.string("title", false);
  entry.text = fields.string("text", false);
  if (entry.title.empty() && entry.text.empty()) {
    fields.error("MISSING-FIELD", "an entry needs a \"title\" or a \"text\"", "text");
  }
  entry.applies_to = fields.strings("applies_to", false);
  if (const json::Json* maps = fields.object("maps", false)) {
    const Fields map_fields = fields.child("maps");
    for (auto it = maps->begin(); it != maps->end(); ++it) {
      Mapping mapping;
      mapping.target = it.key();
      mapping.location = map_fields.location(it.key());
      mapping.ids = map_fields.strings(it.key(), true);
      entry.maps.push_back(std::move(mapping));
    }
  }
  return entry;
}

Framework read_framework(const Fields& fields) {
  Framework framework;
  if (!fields.is_object("a framework")) {
    return framework;
  }
  fields.allow_only({"id", "title", "items"});
  framework.id = fields.string("id", true);
  framework.title = fields.string("title", true);
  if (const json::Json* items = fields.array("items", true)) {
    for (std::size_t i = 0; i < items->size(); ++i) {
      const Fields item = fields.child((*items)[i], "items", i);
      if (!item.is_object("a framework item")) {
        continue;
      }
      item.allow_only({"id", "title"});
      framework.items.push_back({item.string("id", true), item.string("title", true)});
    }
  }
  return framework;
}

}  // namespace

Result<Parsed<CatalogueDocument>> read_catalogue(std::string_view text, std::string_view source) {
  InputLimits limits;
  limits.max_bytes = 4ULL * 1024 * 1024;
  limits.max_depth = 16;
  limits.max_items = 100'000;
  ASSAY_TRY(const json::Json root, json::parse(text, source, limits));
  if (!root.is_object()) {
    return fail(ErrorCode::kInvalidInput,
                "a catalogue must be a JSON object, not " + std::string(json::type_name(root)),
                std::string(source) + "#");
  }
  DiagnosticSink sink;
  const Fields fields(root, std::string(source), "", sink, "CAT");
  Parsed<CatalogueDocument> parsed;
  CatalogueDocument& document = parsed.value;
  document.source = std::string(source);
  fields.allow_only({"$schema", "format", "id", "version", "title", "published", "note",
                     "frameworks", "entries"});
  const std::string format = fields.string("format", true);
  if (!format.empty() && format != kCatalogueFormat) {
    fields.error("FORMAT",
                 "unsupported catalogue format \"" + format + "\" (expected \"" +
                     std::string(kCatalogueFormat) + "\")",
                 "format");
  }
  document.id = fields.string("id", true);
  document.version = fields.string("version", true);
  document.title = fields.string("title", true);
  document.published = fields.string("published", false);
  document.note = fields.string("note", false);
  if (const json::Json* frameworks = fields.array("frameworks", false)) {
    for (std::size_t i = 0; i < frameworks->size(); ++i) {
      document.frameworks.push_back(
          read_framework(fields.child((*frameworks)[i], "frameworks", i)));
    }
  }
  if (const json::Json* entries = fields.array("entries", true)) {
    for (std::size_t i = 0; i < entries->size(); ++i) {
      document.entries.push_back(read_entry(fields.child((*entries)[i], "entries", i)));
    }
  }
  parsed.diagnostics = sink.take();
  return parsed;
}

std::vector<Diagnostic> check_catalogues(const std::vector<CatalogueDocument>& documents) {
  DiagnosticSink sink;
  std::unordered_map<std::string, const CatalogueDocument*> by_id;
  for (const CatalogueDocument& document : documents) {
    if (!by_id.emplace(document.id, &document).second) {
      sink.error("CAT-DUPLICATE-ID", "catalogue id \"" + document.id + "\" is used twice",
                 document.source + "#/id");
    }
  }
  // Ids of every catalogue's entries, for mappings between catalogues.
  std::unordered_map<std::string, std::unordered_map<std::string, const Entry*>> entries_of;
  for (const CatalogueDocument& document : documents) {
    auto& ids = entries_of[document.id];
    for (const Entry& entry : document.entries) {
      if (entry.id.empty()) {
        continue;
      }
      if (!ids.emplace(entry.id, &entry).second) {
        sink.error("CAT-DUPLICATE-ID", "entry id \"" + entry.id + "\" is used twice",
                   entry.location + "/id");
      }
    }
  }
  for (const CatalogueDocument& document : documents) {
    if (document.entries.empty()) {
      sink.error("CAT-EMPTY", "the catalogue has no entries", document.source + "#/entries");
    }
    std::unordered_map<std::string, std::unordered_set<std::string>> framework_items;
    for (std::size_t f = 0; f < document.frameworks.size(); ++f) {
      const Framework& framework = document.frameworks[f];
      const std::string location = document.source + "#/frameworks/" + std::to_string(f);
      if (entries_of.count(framework.id) != 0 || framework_items.count(framework.id) != 0) {
        sink.error("CAT-DUPLICATE-ID",
                   "framework id \"" + framework.id + "\" is already a catalogue or framework",
                   location + "/id");
      }
      auto& items = framework_items[framework.id];
      for (std::size_t i = 0; i < framework.items.size(); ++i) {
        if (!items.insert(framework.items[i].id).second) {
          sink.error("CAT-DUPLICATE-ID",
                     "framework item \"" + framework.items[i].id + "\" is listed twice",
                     location + "/items/" + std::to_string(i) + "/id");
        }
      }
    }
    const auto& ids = entries_of[document.id];
    for (const Entry& entry : document.entries) {
      if (!entry.parent.empty()) {
        auto parent = ids.find(entry.parent);
        if (parent == ids.end()) {
          sink.error("CAT-DANGLING-REF",
                     "parent \"" + entry.parent + "\" is not an entry of this catalogue",
                     entry.location + "/parent");
        } else {
          const EntryKind parent_kind = parent->second->kind;
          const bool ok =
              (entry.kind == EntryKind::kClaim && parent_kind == EntryKind::kPrinciple) ||
              (entry.kind == EntryKind::kPrinciple && parent_kind == EntryKind::kTheme) ||
              (entry.kind == EntryKind::kProvision && parent_kind == EntryKind::kPrinciple);
          if (!ok) {
            sink.error("CAT-BAD-PARENT",
                       "a " + std::string(to_string(entry.kind)) + " cannot sit under a " +
                           std::string(to_string(parent_kind)) + " (\"" + entry.parent + "\")",
                       entry.location + "/parent");
          }
        }
      } else if (entry.kind == EntryKind::kClaim || entry.kind == EntryKind::kProvision) {
        sink.error("CAT-BAD-PARENT",
                   "a " + std::string(to_string(entry.kind)) + " needs a \"parent\"",
                   entry.location + "/parent");
      }
      for (std::size_t r = 0; r < entry.applies_to.size(); ++r) {
        Role role{};
        if (!parse_role(entry.applies_to[r], role)) {
          sink.error("CAT-BAD-VALUE",
                     "unknown role \"" + entry.applies_to[r] +
                         "\" (expected developer-distributor, reseller or developer-only)",
                     entry.location + "/applies_to/" + std::to_string(r));
        }
      }
      for (const Mapping& mapping : entry.maps) {
        auto framework = framework_items.find(mapping.target);
        auto catalogue = entries_of.find(mapping.target);
        if (framework == framework_items.end() && catalogue == entries_of.end()) {
          sink.error("CAT-DANGLING-REF",
                     "\"" + mapping.target +
                         "\" is neither a framework of this catalogue nor a "
                         "loaded catalogue",
                     mapping.location);
          continue;
        }
        for (std::size_t i = 0; i < mapping.ids.size(); ++i) {
          const bool known = framework != framework_items.end()
                                 ? framework->second.count(mapping.ids[i]) != 0
                                 : catalogue->second.count(mapping.ids[i]) != 0;
          if (!known) {
            sink.error("CAT-DANGLING-REF",
                       "\"" + mapping.ids[i] + "\" is not an item of \"" + mapping.target + "\"",
                       mapping.location + "/" + std::to_string(i));
          }
        }
      }
    }
  }
  return sink.take();
}

Catalogue::Catalogue(CatalogueDocument document) : document_(std::move(document)) {
  for (std::size_t i = 0; i < document_.entries.size(); ++i) {
    index_.emplace(document_.entries[i].id, i);
  }
}

const Entry* Catalogue::find(std::string_view id) const {
  auto it = index_.find(std::string(id));
  return it == index_.end() ? nullptr : &document_.entries[it->second];
}

std::vector<const Entry*> Catalogue::children(std::string_view id) const {
  std::vector<const Entry*> out;
  for (const Entry& entry : document_.entries) {
    if (entry.parent == id) {
      out.push_back(&entry);
    }
  }
  return out;
}

std::vector<const Entry*> Catalogue::of_kind(EntryKind kind) const {
  std::vector<const Entry*> out;
  for (const Entry& entry : document_.entries) {
    if (entry.kind == kind) {
      out.push_back(&entry);
    }
  }
  return out;
}

std::vector<std::string> Catalogue::roles(const Entry& entry) const {
  const Entry* current = &entry;
  // Parents form a chain of at most three (checked in stage 2); bound the walk anyway.
  for (int depth = 0; current != nullptr && depth < 8; ++depth) {
    if (!current->applies_to.empty()) {
      return current->applies_to;
    }
    current = current->parent.empty() ? nullptr : find(current->parent);
  }
  return {};
}

bool Catalogue::applies_to(const Entry& entry, Role role) const {
  const std::vector<std::string> names = roles(entry);
  return names.empty() ||
         std::find(names.begin(), names.end(), std::string(to_string(role))) != names.end();
}

const Catalogue* CatalogueSet::find(std::string_view id) const {
  for (const Catalogue& catalogue : catalogues_) {
    if (catalogue.id() == id) {
      return &catalogue;
    }
  }
  return nullptr;
}

std::vector<const Entry*> CatalogueSet::final_claims_for(std::string_view id) const {
  std::vector<const Entry*> out;
  const Catalogue* final_catalogue = find(kFinalCatalogue);
  if (final_catalogue == nullptr) {
    return out;
  }
  const Entry* entry = final_catalogue->find(id);
  if (entry == nullptr) {
    return out;
  }
  if (entry->kind == EntryKind::kClaim) {
    out.push_back(entry);
    return out;
  }
  for (const Entry* child : final_catalogue->children(entry->id)) {
    if (child->kind == EntryKind::kClaim) {
      out.push_back(child);
    } else {
      for (const Entry* grandchild : final_catalogue->children(child->id)) {
        out.push_back(grandchild);
      }
    }
  }
  return out;
}

std::vector<const Entry*> CatalogueSet::claims_of(const Catalogue& catalogue,
                                                  const Entry& entry) const {
  if (catalogue.id() == kFinalCatalogue) {
    return final_claims_for(entry.id);
  }
  std::vector<const Entry*> out;
  std::set<std::string> seen;
  const auto add_mapped = [&](const Entry& mapped) {
    for (const Mapping& mapping : mapped.maps) {
      if (mapping.target != kFinalCatalogue) {
        continue;
      }
      for (const std::string& id : mapping.ids) {
        for (const Entry* claim : final_claims_for(id)) {
          if (seen.insert(claim->id).second) {
            out.push_back(claim);
          }
        }
      }
    }
  };
  add_mapped(entry);
  for (const Entry* child : catalogue.children(entry.id)) {
    add_mapped(*child);
  }
  return out;
}

Result<CatalogueSet> compile_catalogues(std::vector<CatalogueDocument> documents,
                                        std::vector<Diagnostic>* diagnostics) {
  std::vector<Diagnostic> found = check_catalogues(documents);
  const Diagnostic* first_error = nullptr;
  for (const Diagnostic& diagnostic : found) {
    if (diagnostic.severity == Severity::kError && first_error == nullptr) {
      first_error = &diagnostic;
    }
  }
  Result<CatalogueSet> result = CatalogueSet{};
  if (first_error != nullptr) {
    result = fail(ErrorCode::kInvalidInput, "[" + first_error->code + "] " + first_error->message,
                  first_error->location);
  } else {
    for (CatalogueDocument& document : documents) {
      result->catalogues_.emplace_back(std::move(document));
    }
  }
  if (diagnostics != nullptr) {
    diagnostics->insert(diagnostics->end(), found.begin(), found.end());
  }
  return result;
}

Result<CatalogueSet> load_catalogues(const std::vector<CatalogueText>& texts,
                                     std::vector<Diagnostic>* diagnostics) {
  std::vector<CatalogueDocument> documents;
  std::optional<Error> first;
  for (const CatalogueText& text : texts) {
    auto parsed = read_catalogue(text.text, text.name);
    if (!parsed) {
      if (diagnostics != nullptr) {
        diagnostics->push_back(to_diagnostic(parsed.error(), "CAT-MALFORMED"));
      }
      if (!first) {
        first = parsed.error();
      }
      continue;
    }
    for (const Diagnostic& diagnostic : parsed->diagnostics) {
      if (diagnostic.severity == Severity::kError && !first) {
        first = Error{ErrorCode::kInvalidInput, "[" + diagnostic.code + "] " + diagnostic.message,
                      diagnostic.location};
      }
    }
    if (diagnostics != nullptr) {
      diagnostics->insert(diagnostics->end(), parsed->diagnostics.begin(),
                          parsed->diagnostics.end());
    }
    documents.push_back(std::move(parsed->value));
  }
  if (first) {
    return fail(*first);
  }
  return compile_catalogues(std::move(documents), diagnostics);
}

std::vector<CatalogueText> builtin_catalogue_texts() {
  std::vector<CatalogueText> texts;
  for (const internal::EmbeddedFile& file : internal::embedded_catalogues()) {
    CatalogueText text;
    text.name = std::string(file.name);
    for (const std::string_view chunk : file.chunks) {
      text.text.append(chunk);
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

Result<CatalogueSet> builtin_catalogues() {
  auto set = load_catalogues(builtin_catalogue_texts());
  if (!set) {
    return fail(ErrorCode::kInternal, "a built-in catalogue is broken: " + set.error().message,
                set.error().location);
  }
  return set;
}

}  // namespace assay::assess
