//===- StreamingPrinter.cpp - Print modules with streamed blobs -----------===//
//
// MLIR's printer turns each dense_resource blob into a hex string, then
// copies it into another string before writing it: for a 10 MB weight that
// is 40 MB of temporaries. Here the blobs are detached while the module is
// printed (so the printer sees empty blobs and, with resource elision, prints
// no builtin resource section), then the section is written in chunks and
// the blobs are put back.
//
//===----------------------------------------------------------------------===//

#include "ascend/Import/OnnxImporter.h"

#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/OperationSupport.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Endian.h"

using namespace mlir;

/// A resource key as the MLIR printer writes it: bare when it lexes as an
/// identifier, quoted otherwise.
static void printKey(StringRef key, raw_ostream &os) {
  bool bare =
      !key.empty() && (llvm::isAlpha(key[0]) || key[0] == '_') &&
      llvm::all_of(key, [](char c) {
        return llvm::isAlnum(c) || c == '_' || c == '.' || c == '$' || c == '-';
      });
  if (bare) {
    os << key;
    return;
  }
  os << '"';
  llvm::printEscapedString(key, os);
  os << '"';
}

void ascend::printModuleStreamingBlobs(ModuleOp module, raw_ostream &os) {
  using BlobEntry = DialectResourceBlobManager::BlobEntry;
  llvm::SetVector<BlobEntry *> entries;
  module->walk([&](Operation *op) {
    for (NamedAttribute attr : op->getAttrs())
      attr.getValue().walk([&](DenseResourceElementsAttr res) {
        BlobEntry *entry = res.getRawHandle().getResource();
        if (entry && entry->getBlob())
          entries.insert(entry);
      });
  });

  SmallVector<AsmResourceBlob> blobs;
  for (BlobEntry *entry : entries) {
    blobs.push_back(std::move(*entry->getBlob()));
    entry->setBlob(AsmResourceBlob());
  }
  // An empty blob prints as a 12-character string: elide everything longer
  // than 1 character, so no builtin resource entry is printed.
  OpPrintingFlags flags;
  flags.elideLargeResourceString(1);
  std::string text;
  llvm::raw_string_ostream textOs(text);
  module->print(textOs, flags);
  // Eliding every entry leaves an empty `{-# #-}` section: drop it.
  size_t open = StringRef(text).rfind("{-#");
  if (open != StringRef::npos &&
      StringRef(text).drop_front(open + 3).trim() == "#-}")
    text.resize(StringRef(text).take_front(open).rtrim().size() + 1);
  os << text;

  if (!entries.empty()) {
    os << "\n{-#\n  dialect_resources: {\n    builtin: {\n";
    constexpr size_t kChunk = 1 << 16;
    for (auto [i, entry] : llvm::enumerate(entries)) {
      const AsmResourceBlob &blob = blobs[i];
      os << "      ";
      printKey(entry->getKey(), os);
      uint32_t align = llvm::support::endian::byte_swap<uint32_t>(
          blob.getDataAlignment(), llvm::endianness::little);
      os << ": \"0x"
         << llvm::toHex(StringRef(reinterpret_cast<char *>(&align), 4));
      ArrayRef<char> data = blob.getData();
      for (size_t off = 0; off < data.size(); off += kChunk)
        os << llvm::toHex(
            StringRef(data.data() + off, std::min(kChunk, data.size() - off)));
      os << '"' << (i + 1 < entries.size() ? ",\n" : "\n");
    }
    os << "    }\n  }\n#-}\n";
  }

  for (auto [entry, blob] : llvm::zip(entries, blobs))
    entry->setBlob(std::move(blob));
}
