// Tests for in-toto Statement parsing, the attestation containers and subject matching.
#include "assay/verify/intoto.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace assay::verify::intoto {
namespace {

using ::testing::HasSubstr;

const std::string kSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

unsigned byte(char c) {
  return static_cast<unsigned>(static_cast<unsigned char>(c));
}

std::string base64(std::string_view bytes, bool url_safe = false) {
  const char* alphabet = url_safe
                             ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                             : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t index = 0;
  for (; index + 2 < bytes.size(); index += 3) {
    const unsigned value =
        byte(bytes[index]) << 16 | byte(bytes[index + 1]) << 8 | byte(bytes[index + 2]);
    out += alphabet[value >> 18 & 63];
    out += alphabet[value >> 12 & 63];
    out += alphabet[value >> 6 & 63];
    out += alphabet[value & 63];
  }
  if (index + 1 == bytes.size()) {
    const unsigned value = byte(bytes[index]) << 16;
    out += alphabet[value >> 18 & 63];
    out += alphabet[value >> 12 & 63];
    out += url_safe ? "" : "==";
  } else if (index + 2 == bytes.size()) {
    const unsigned value = byte(bytes[index]) << 16 | byte(bytes[index + 1]) << 8;
    out += alphabet[value >> 18 & 63];
    out += alphabet[value >> 12 & 63];
    out += alphabet[value >> 6 & 63];
    out += url_safe ? "" : "=";
  }
  return out;
}

std::string statement_json(std::string_view type = kStatementV1,
                           std::string_view predicate_type = "https://example.com/predicate/v1") {
  return std::string(R"({"_type":")") + std::string(type) +
         R"(","subject":[{"name":"abc.txt","digest":{"sha256":")" + kSha256 +
         R"(","gitCommit":"0123abc"}}],"predicateType":")" + std::string(predicate_type) +
         R"(","predicate":{"k":"v"},"extension":{"ignored":true}})";
}

std::string envelope_json(std::string_view statement, bool url_safe = false,
                          std::string_view payload_type = kPayloadType) {
  return std::string(R"({"payloadType":")") + std::string(payload_type) + R"(","payload":")" +
         base64(statement, url_safe) + R"(","signatures":[{"keyid":"","sig":"AAAA"}]})";
}

TEST(IntotoStatementTest, ParsesV1StatementAndIgnoresUnknownFields) {
  const Result<Statement> statement = parse_statement(statement_json(), "s.json");
  ASSERT_TRUE(statement) << statement.error().to_string();
  EXPECT_EQ(statement->version, StatementVersion::kV1);
  ASSERT_EQ(statement->subjects.size(), 1U);
  EXPECT_EQ(statement->subjects[0].name, "abc.txt");
  ASSERT_EQ(statement->subjects[0].digest.size(), 2U);
  EXPECT_EQ(statement->subjects[0].digest[0].first, "gitCommit");
  EXPECT_EQ(statement->subjects[0].digest[1], std::make_pair(std::string("sha256"), kSha256));
  EXPECT_EQ(statement->predicate_type, "https://example.com/predicate/v1");
  EXPECT_EQ(statement->predicate.at("k"), "v");
}

TEST(IntotoStatementTest, ParsesV01StatementWithoutPredicate) {
  const std::string text = R"({"_type":"https://in-toto.io/Statement/v0.1","subject":[{"name":"a",
      "digest":{"sha512":")" +
                           std::string(128, 'a') + R"("}}],"predicateType":"p"})";
  const Result<Statement> statement = parse_statement(text, "s.json");
  ASSERT_TRUE(statement) << statement.error().to_string();
  EXPECT_EQ(statement->version, StatementVersion::kV01);
  EXPECT_TRUE(statement->predicate.is_object());
  EXPECT_TRUE(statement->predicate.empty());
}

TEST(IntotoStatementTest, RejectsMalformedStatementsWithPointers) {
  struct Case {
    std::string json;
    std::string message;
    std::string location;
  };
  const std::string digest = R"({"sha256":")" + kSha256 + R"("})";
  const Case cases[] = {
      {R"({"subject":[],"predicateType":"p"})", "required member \"_type\" is missing", "s.json#"},
      {R"({"_type":"https://in-toto.io/Statement/v2","subject":[],"predicateType":"p"})",
       "is not an in-toto Statement", "s.json#/_type"},
      {R"({"_type":"https://in-toto.io/Statement/v1","subject":[],"predicateType":"p"})",
       "\"subject\" is empty", "s.json#/subject"},
      {R"({"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"a"}],"predicateType":"p"})",
       "subject has no \"digest\"", "s.json#/subject/0"},
      {R"({"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{}}],"predicateType":"p"})",
       "subject \"digest\" is empty", "s.json#/subject/0/digest"},
      {R"({"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{"sha256":"abc"}}],"predicateType":"p"})",
       "digest \"sha256\" is not 64 hex digits", "s.json#/subject/0/digest/sha256"},
      {R"({"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{"sha1":7}}],"predicateType":"p"})",
       "expected string, found number", "s.json#/subject/0/digest/sha1"},
      {R"({"_type":"https://in-toto.io/Statement/v0.1","subject":[{"digest":)" + digest +
           R"(}],"predicateType":"p"})",
       "subject has no \"name\" (required in Statement v0.1)", "s.json#/subject/0"},
      {R"({"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":)" + digest +
           R"(}],"predicateType":""})",
       "\"predicateType\" is empty", "s.json#/predicateType"},
      {R"({"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":)" + digest +
           R"(}],"predicateType":"p","predicate":[1]})",
       "expected object (the predicate), found array", "s.json#/predicate"},
      {R"([1,2])", "expected object (an in-toto statement), found array", "s.json#"},
  };
  for (const Case& test : cases) {
    const Result<Statement> statement = parse_statement(test.json, "s.json");
    ASSERT_FALSE(statement) << test.json;
    EXPECT_EQ(statement.error().code, ErrorCode::kInvalidInput);
    EXPECT_THAT(statement.error().message, HasSubstr(test.message)) << test.json;
    EXPECT_EQ(statement.error().location, test.location) << test.json;
  }
}

TEST(IntotoStatementTest, V1SubjectMayOmitName) {
  const std::string text =
      R"({"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{"sha256":")" + kSha256 +
      R"("}}],"predicateType":"p"})";
  const Result<Statement> statement = parse_statement(text, "s.json");
  ASSERT_TRUE(statement) << statement.error().to_string();
  EXPECT_EQ(statement->subjects[0].name, "");
}

TEST(IntotoAttestationsTest, ReadsBareStatement) {
  const auto read = read_attestations(statement_json(), "s.json");
  ASSERT_TRUE(read) << read.error().to_string();
  ASSERT_EQ(read->size(), 1U);
  EXPECT_EQ((*read)[0].container, Container::kStatement);
  EXPECT_EQ((*read)[0].location, "s.json");
  EXPECT_EQ((*read)[0].signature_count, 0U);
}

TEST(IntotoAttestationsTest, ReadsDsseEnvelopeWithStandardOrUrlSafeBase64) {
  // A payload whose base64 differs between the two alphabets.
  const std::string statement = statement_json(kStatementV1, "https://example.com/p?x=>>>???");
  for (const bool url_safe : {false, true}) {
    const auto read = read_attestations(envelope_json(statement, url_safe), "e.json");
    ASSERT_TRUE(read) << read.error().to_string();
    ASSERT_EQ(read->size(), 1U);
    EXPECT_EQ((*read)[0].container, Container::kDsseEnvelope);
    EXPECT_EQ((*read)[0].payload, statement);
    EXPECT_EQ((*read)[0].payload_type, kPayloadType);
    EXPECT_EQ((*read)[0].signature_count, 1U);
    EXPECT_EQ((*read)[0].statement.predicate_type, "https://example.com/p?x=>>>???");
  }
}

TEST(IntotoAttestationsTest, ReadsJsonLinesSkippingBlankLines) {
  const std::string text = envelope_json(statement_json()) + "\n\n" +
                           envelope_json(statement_json(kStatementV01)) + "\n";
  const auto read = read_attestations(text, "a.intoto.jsonl");
  ASSERT_TRUE(read) << read.error().to_string();
  ASSERT_EQ(read->size(), 2U);
  EXPECT_EQ((*read)[0].location, "a.intoto.jsonl:1");
  EXPECT_EQ((*read)[1].location, "a.intoto.jsonl:3");
  EXPECT_EQ((*read)[1].statement.version, StatementVersion::kV01);
}

TEST(IntotoAttestationsTest, JsonLinesErrorNamesTheLine) {
  const std::string text = envelope_json(statement_json()) + "\n" + R"({"payloadType":)" + "\n";
  const auto read = read_attestations(text, "a.jsonl");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(read.error().location, HasSubstr("a.jsonl:2"));
}

TEST(IntotoAttestationsTest, ReadsSigstoreBundleNpmAndCloudBuildContainers) {
  const std::string envelope = envelope_json(statement_json());
  const std::string bundle =
      R"({"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":{},"dsseEnvelope":)" +
      envelope + "}";
  auto read = read_attestations(bundle, "b.sigstore.json");
  ASSERT_TRUE(read) << read.error().to_string();
  EXPECT_EQ((*read)[0].container, Container::kSigstoreBundle);
  EXPECT_THAT((*read)[0].envelope_json, HasSubstr("verificationMaterial"));

  read = read_attestations(R"({"attestations":[{"predicateType":"x","bundle":)" + bundle +
                               "},"
                               R"({"predicateType":"y","bundle":)" +
                               bundle + "}]}",
                           "npm.json");
  ASSERT_TRUE(read) << read.error().to_string();
  ASSERT_EQ(read->size(), 2U);
  EXPECT_EQ((*read)[1].container, Container::kNpmAttestations);
  EXPECT_EQ((*read)[1].location, "npm.json#/attestations/1/bundle");

  read = read_attestations(
      R"({"image_summary":{},"provenance_summary":{"provenance":[{"envelope":)" + envelope + "}]}}",
      "gcb.json");
  ASSERT_TRUE(read) << read.error().to_string();
  EXPECT_EQ((*read)[0].container, Container::kCloudBuild);
  EXPECT_EQ((*read)[0].location, "gcb.json#/provenance_summary/provenance/0/envelope");
}

TEST(IntotoAttestationsTest, RejectsWrongPayloadTypeAndBadBase64) {
  auto read = read_attestations(envelope_json(statement_json(), false, "text/plain"), "e.json");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().location, "e.json#/payloadType");
  EXPECT_THAT(read.error().message, HasSubstr("\"text/plain\""));

  read = read_attestations(R"({"payloadType":"application/vnd.in-toto+json","payload":"a$b"})",
                           "e.json");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().message, "payload is not valid base64");
  EXPECT_EQ(read.error().location, "e.json#/payload");
}

TEST(IntotoAttestationsTest, PayloadThatIsNotAStatementNamesTheDecodedPayload) {
  const auto read = read_attestations(envelope_json(R"({"_type":"x"})"), "e.json");
  ASSERT_FALSE(read);
  EXPECT_THAT(read.error().location, HasSubstr("e.json#/payload(decoded)#/_type"));
}

TEST(IntotoAttestationsTest, MessageSignatureBundleIsUnsupported) {
  const auto read = read_attestations(
      R"({"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","messageSignature":{}})",
      "b.json");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kUnsupported);
}

TEST(IntotoAttestationsTest, RejectsEmptyAndForeignDocuments) {
  auto read = read_attestations("", "empty.json");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kInvalidInput);
  read = read_attestations(R"({"hello":"world"})", "x.json");
  ASSERT_FALSE(read);
  EXPECT_THAT(read.error().message, HasSubstr("not an attestation"));
}

TEST(IntotoMatchSubjectTest, PassesOnAnyAcceptedDigest) {
  const Result<Statement> statement = parse_statement(statement_json(), "s.json");
  ASSERT_TRUE(statement);
  const Check check = match_subject(*statement, digest::compute("abc"));
  EXPECT_EQ(check.id, "intoto.subject");
  EXPECT_EQ(check.outcome, Outcome::kPass);
  EXPECT_EQ(check.detail, "subject \"abc.txt\" sha256:" + kSha256);
}

TEST(IntotoMatchSubjectTest, FailsOnOtherArtefactOrName) {
  const Result<Statement> statement = parse_statement(statement_json(), "s.json");
  ASSERT_TRUE(statement);
  Check check = match_subject(*statement, digest::compute("abd"));
  EXPECT_EQ(check.outcome, Outcome::kFail);
  EXPECT_THAT(check.detail, HasSubstr("matches none of 1 subject digest(s)"));
  check = match_subject(*statement, digest::compute("abc"), "other.txt");
  EXPECT_EQ(check.outcome, Outcome::kFail);
  EXPECT_THAT(check.detail, HasSubstr("only subjects named \"other.txt\""));
}

TEST(IntotoMatchSubjectTest, FailsWhenNoSubjectHasAnAcceptedAlgorithm) {
  const std::string text = R"({"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"a",
      "digest":{"sha1":"a9993e364706816aba3e25717850c26c9cd0d89d"}}],"predicateType":"p"})";
  const Result<Statement> statement = parse_statement(text, "s.json");
  ASSERT_TRUE(statement);
  const Check check = match_subject(*statement, digest::compute("abc"));
  EXPECT_EQ(check.outcome, Outcome::kFail);
  EXPECT_THAT(check.detail, HasSubstr("cannot be bound"));
}

}  // namespace
}  // namespace assay::verify::intoto
