//===- PlanFormat.h - Constants of the binary plan format -------*- C++ -*-===//
//
// Shared by the writer and the reader; docs/plan-format.md is the reference
// for every number here.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_TARGET_PLAN_PLANFORMAT_H
#define ASCEND_LIB_TARGET_PLAN_PLANFORMAT_H

#include "mlir/IR/Types.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>

namespace ascend::plan::format {

/// First eight bytes of every plan file.
constexpr llvm::StringLiteral kMagic = "ASCNPLAN";

/// magic + version + section count.
constexpr uint64_t kHeaderSize = 16;
/// id, reserved, offset, size.
constexpr uint64_t kSectionEntrySize = 24;
/// Sections start at multiples of this; the data section at kDataAlignment.
constexpr uint64_t kSectionAlignment = 8;
/// Constant data (section and each constant within it) is aligned so the
/// emulator can use it in place.
constexpr uint64_t kDataAlignment = 64;

enum class SectionId : uint32_t {
  Strings = 1,
  Locations = 2,
  Plan = 3,
  Tensors = 4,
  Constants = 5,
  Data = 6,
  Opcodes = 7,
  Kernels = 8,
  Debug = 9,
};
constexpr uint32_t kMaxSectionId = 9;

/// Name of a section for diagnostics and docs.
llvm::StringRef getSectionName(SectionId id);

/// Kinds of an encoded instruction attribute.
enum class AttrKind : uint8_t {
  Integer = 1, // u8 type code, i64 value (sign- or zero-extended)
  Float = 2,   // u8 type code, u64 raw bits of the value in its own type
  Unit = 3,    // no payload
  Type = 4,    // u8 type code
  String = 5,  // u32 string index
  Pipe = 6,    // u32 ascend::Pipe value
  Address = 7, // u8 memory space, u32 base register, i64 offset
};

/// Kinds of an entry of the location table.
enum class LocKind : uint8_t {
  Unknown = 0,     // no payload
  FileLineCol = 1, // u32 file, u32 start line, u32 start col,
                   // u32 end line, u32 end col
  Name = 2,        // u32 name, u32 child location
  Fused = 3,       // u32 metadata string + 1 (0: none), u32 count,
                   // count x u32 location
  CallSite = 4,    // u32 callee location, u32 caller location
};

/// Scalar type codes: element types of tensors and constants, types of
/// integer and float attributes and of type attributes.
enum class TypeCode : uint8_t {
  I1 = 1,
  I8 = 2,
  I16 = 3,
  I32 = 4,
  I64 = 5,
  UI8 = 6,
  UI16 = 7,
  UI32 = 8,
  UI64 = 9,
  F16 = 10,
  BF16 = 11,
  F32 = 12,
  F64 = 13,
  Index = 14,
};

/// The code of `type`, if it has one.
std::optional<TypeCode> getTypeCode(mlir::Type type);
/// The type of `code`; null for a value that is not a TypeCode.
mlir::Type getTypeFromCode(uint8_t code, mlir::MLIRContext *context);

/// Bytes one element of `type` takes in constant data and global memory
/// (i1 takes a whole byte).
uint64_t getStorageBytes(mlir::Type type);

/// Limits that keep a decoded plan's sizes in range; the writer enforces them
/// too so that whatever it writes can be read.
constexpr uint32_t kMaxRank = 16;
constexpr int64_t kMaxDim = int64_t(1) << 40;
constexpr uint64_t kMaxElements = uint64_t(1) << 40;
constexpr unsigned kMaxRegionDepth = 32;

} // namespace ascend::plan::format

#endif // ASCEND_LIB_TARGET_PLAN_PLANFORMAT_H
