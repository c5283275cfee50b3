//===- Npy.h - Read and write numpy .npy files ------------------*- C++ -*-===//

#ifndef ASCEND_SUPPORT_NPY_H
#define ASCEND_SUPPORT_NPY_H

#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ascend {

/// A little-endian, C-order array: dtype is "f16", "f32", "f64", "i8".."i64",
/// "u8".."u64" or "bool".
struct NpyArray {
  std::string dtype;
  std::vector<int64_t> shape;
  std::vector<uint8_t> bytes;
};

/// Bytes per element of a dtype name, or 0 if unsupported.
unsigned getDTypeSize(llvm::StringRef dtype);

/// Parses .npy file contents; errors name `fileName` and what is wrong.
llvm::Expected<NpyArray> parseNpy(llvm::StringRef contents,
                                  llvm::StringRef fileName);
llvm::Expected<NpyArray> readNpyFile(llvm::StringRef path);
llvm::Error writeNpyFile(llvm::StringRef path, const NpyArray &array);

} // namespace ascend

#endif // ASCEND_SUPPORT_NPY_H
