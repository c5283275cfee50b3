//===- Npy.cpp - Read and write numpy .npy files --------------------------===//
//
// Format: magic "\x93NUMPY", version (major, minor), header length (u16 for
// 1.x, u32 for 2.x/3.x), then a Python dict literal with 'descr',
// 'fortran_order' and 'shape', padded so the data starts 64-byte aligned.
//
//===----------------------------------------------------------------------===//

#include "ascend/Support/Npy.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace ascend;

namespace {
struct DTypeInfo {
  llvm::StringLiteral name, descr;
  unsigned size;
};
constexpr DTypeInfo dtypes[] = {
    {"f16", "<f2", 2}, {"f32", "<f4", 4}, {"f64", "<f8", 8},
    {"i8", "|i1", 1},  {"i16", "<i2", 2}, {"i32", "<i4", 4},
    {"i64", "<i8", 8}, {"u8", "|u1", 1},  {"u16", "<u2", 2},
    {"u32", "<u4", 4}, {"u64", "<u8", 8}, {"bool", "|b1", 1}};
} // namespace

unsigned ascend::getDTypeSize(llvm::StringRef dtype) {
  for (const DTypeInfo &info : dtypes)
    if (info.name == dtype)
      return info.size;
  return 0;
}

static llvm::Error npyError(llvm::StringRef file, const llvm::Twine &what) {
  return llvm::createStringError(llvm::formatv("{0}: {1}", file, what.str()));
}

/// The value text of `key` in the header dict, up to the next top-level
/// comma or closing brace.
static std::optional<llvm::StringRef> dictValue(llvm::StringRef header,
                                                llvm::StringRef key) {
  for (llvm::StringRef quote : {"'", "\""}) {
    std::string pattern = (quote + key + quote).str();
    size_t at = header.find(pattern);
    if (at == llvm::StringRef::npos)
      continue;
    llvm::StringRef rest = header.drop_front(at + pattern.size()).ltrim();
    if (!rest.consume_front(":"))
      return std::nullopt;
    rest = rest.ltrim();
    if (rest.starts_with("(")) {
      size_t close = rest.find(')');
      if (close == llvm::StringRef::npos)
        return std::nullopt;
      return rest.take_front(close + 1);
    }
    return rest.take_until([](char c) { return c == ',' || c == '}'; }).trim();
  }
  return std::nullopt;
}

llvm::Expected<NpyArray> ascend::parseNpy(llvm::StringRef contents,
                                          llvm::StringRef file) {
  if (!contents.starts_with("\x93NUMPY") || contents.size() < 10)
    return npyError(file, "not a .npy file (bad magic)");
  uint8_t major = contents[6];
  size_t headerLen, headerStart;
  if (major == 1) {
    headerLen = llvm::support::endian::read16le(contents.data() + 8);
    headerStart = 10;
  } else if (major == 2 || major == 3) {
    if (contents.size() < 12)
      return npyError(file, "truncated header");
    headerLen = llvm::support::endian::read32le(contents.data() + 8);
    headerStart = 12;
  } else {
    return npyError(file, llvm::formatv("unsupported .npy version {0}", major));
  }
  if (headerStart + headerLen > contents.size())
    return npyError(file, "truncated header");
  llvm::StringRef header = contents.substr(headerStart, headerLen);

  NpyArray array;
  std::optional<llvm::StringRef> descr = dictValue(header, "descr");
  if (!descr)
    return npyError(file, "header has no 'descr'");
  llvm::StringRef descrText = descr->trim("'\" ");
  // Single-byte types have no byte order; '=' means native (little here).
  std::string normalized = descrText.str();
  if (normalized.size() == 3 && normalized[0] == '=')
    normalized[0] = '<';
  if (normalized == "<b1" || normalized == "=b1" || normalized == "<i1" ||
      normalized == "<u1")
    normalized = "|" + normalized.substr(1);
  for (const DTypeInfo &info : dtypes)
    if (normalized == info.descr)
      array.dtype = info.name.str();
  if (array.dtype.empty())
    return npyError(
        file, llvm::formatv("unsupported dtype '{0}' (supported: "
                            "float16, float32, float64, (u)int8/16/32/64, "
                            "bool, little-endian)",
                            descrText));

  std::optional<llvm::StringRef> fortran = dictValue(header, "fortran_order");
  if (!fortran || *fortran != "False")
    return npyError(file, "only C-order (fortran_order False) arrays are "
                          "supported");

  std::optional<llvm::StringRef> shape = dictValue(header, "shape");
  if (!shape)
    return npyError(file, "header has no 'shape'");
  llvm::SmallVector<llvm::StringRef> dims;
  shape->trim("() ").split(dims, ',', -1, /*KeepEmpty=*/false);
  uint64_t count = 1;
  for (llvm::StringRef dim : dims) {
    int64_t value;
    if (dim.trim().getAsInteger(10, value) || value < 0)
      return npyError(file, llvm::formatv("bad shape {0}", *shape));
    array.shape.push_back(value);
    if (value != 0 && count > (uint64_t(1) << 40) / uint64_t(value))
      return npyError(file, "shape is too large");
    count *= value;
  }
  uint64_t bytes = count * getDTypeSize(array.dtype);
  llvm::StringRef data = contents.drop_front(headerStart + headerLen);
  if (data.size() != bytes)
    return npyError(file, llvm::formatv("holds {0} data bytes, shape {1} "
                                        "needs {2}",
                                        data.size(), *shape, bytes));
  array.bytes.assign(data.begin(), data.end());
  return array;
}

llvm::Expected<NpyArray> ascend::readNpyFile(llvm::StringRef path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!buffer)
    return npyError(path, "cannot read: " + buffer.getError().message());
  return parseNpy((*buffer)->getBuffer(), path);
}

llvm::Error ascend::writeNpyFile(llvm::StringRef path, const NpyArray &array) {
  llvm::StringRef descr;
  for (const DTypeInfo &info : dtypes)
    if (info.name == array.dtype)
      descr = info.descr;
  if (descr.empty())
    return npyError(path, "unsupported dtype " + array.dtype);
  std::string shape = "(";
  for (int64_t dim : array.shape)
    shape += std::to_string(dim) + ", ";
  if (array.shape.size() > 1)
    shape.resize(shape.size() - 2);
  else if (array.shape.size() == 1)
    shape.pop_back(); // numpy writes (n,)
  shape += ")";
  std::string header =
      llvm::formatv("{{'descr': '{0}', 'fortran_order': False, 'shape': {1}, }",
                    descr, shape);
  // Pad with spaces and a newline so the data is 64-byte aligned.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';

  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_None);
  if (ec)
    return npyError(path, "cannot write: " + ec.message());
  os << "\x93NUMPY" << char(1) << char(0);
  char len[2];
  llvm::support::endian::write16le(len, header.size());
  os.write(len, 2);
  os << header;
  os.write(reinterpret_cast<const char *>(array.bytes.data()),
           array.bytes.size());
  if (os.has_error())
    return npyError(path, "write failed");
  return llvm::Error::success();
}
