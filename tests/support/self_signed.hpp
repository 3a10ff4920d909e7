#pragma once

// A self-signed certificate for 127.0.0.1, made with OpenSSL at test time
// (nothing is committed or downloaded). It is its own CA, so a client given
// the certificate as ca_bundle trusts the server, and no other client does.

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace paradigm::testing {

struct SelfSignedCertificate {
  std::filesystem::path certificate;  // PEM
  std::filesystem::path private_key;  // PEM
};

inline void add_extension(X509* cert, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (!extension) throw std::runtime_error("X509V3_EXT_conf_nid failed");
  X509_add_ext(cert, extension, -1);
  X509_EXTENSION_free(extension);
}

inline SelfSignedCertificate make_self_signed_certificate(const std::filesystem::path& directory) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
  std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), &X509_free);
  if (!key || !cert) throw std::runtime_error("OpenSSL allocation failed");
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"),
                             -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  add_extension(cert.get(), NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost");
  add_extension(cert.get(), NID_basic_constraints, "critical,CA:TRUE");
  add_extension(cert.get(), NID_key_usage, "critical,digitalSignature,keyCertSign");
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) throw std::runtime_error("X509_sign failed");

  std::filesystem::create_directories(directory);
  SelfSignedCertificate files{directory / "cert.pem", directory / "key.pem"};
  std::unique_ptr<BIO, decltype(&BIO_free)> cert_out(BIO_new_file(files.certificate.c_str(), "w"), &BIO_free);
  std::unique_ptr<BIO, decltype(&BIO_free)> key_out(BIO_new_file(files.private_key.c_str(), "w"), &BIO_free);
  if (!cert_out || !key_out || !PEM_write_bio_X509(cert_out.get(), cert.get()) ||
      !PEM_write_bio_PrivateKey(key_out.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)) {
    throw std::runtime_error("cannot write the certificate");
  }
  return files;
}

}  // namespace paradigm::testing
