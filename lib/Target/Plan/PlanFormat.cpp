//===- PlanFormat.cpp - Constants of the binary plan format ---------------===//

#include "PlanFormat.h"

#include "ascend/Target/Plan.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/MLIRContext.h"

using namespace mlir;
using namespace ascend::plan::format;

StringRef ascend::plan::format::getSectionName(SectionId id) {
  switch (id) {
  case SectionId::Strings:
    return "strings";
  case SectionId::Locations:
    return "locations";
  case SectionId::Plan:
    return "plan";
  case SectionId::Tensors:
    return "tensors";
  case SectionId::Constants:
    return "constants";
  case SectionId::Data:
    return "data";
  case SectionId::Opcodes:
    return "opcodes";
  case SectionId::Kernels:
    return "kernels";
  case SectionId::Debug:
    return "debug";
  }
  return "unknown";
}

std::optional<TypeCode> ascend::plan::format::getTypeCode(Type type) {
  if (type.isIndex())
    return TypeCode::Index;
  if (type.isF16())
    return TypeCode::F16;
  if (type.isBF16())
    return TypeCode::BF16;
  if (type.isF32())
    return TypeCode::F32;
  if (type.isF64())
    return TypeCode::F64;
  auto integer = dyn_cast<IntegerType>(type);
  if (!integer || integer.isSigned())
    return std::nullopt;
  bool isUnsigned = integer.isUnsigned();
  switch (integer.getWidth()) {
  case 1:
    return isUnsigned ? std::nullopt : std::optional(TypeCode::I1);
  case 8:
    return isUnsigned ? TypeCode::UI8 : TypeCode::I8;
  case 16:
    return isUnsigned ? TypeCode::UI16 : TypeCode::I16;
  case 32:
    return isUnsigned ? TypeCode::UI32 : TypeCode::I32;
  case 64:
    return isUnsigned ? TypeCode::UI64 : TypeCode::I64;
  default:
    return std::nullopt;
  }
}

Type ascend::plan::format::getTypeFromCode(uint8_t code, MLIRContext *context) {
  auto unsignedType = [&](unsigned width) {
    return IntegerType::get(context, width, IntegerType::Unsigned);
  };
  switch (TypeCode(code)) {
  case TypeCode::I1:
    return IntegerType::get(context, 1);
  case TypeCode::I8:
    return IntegerType::get(context, 8);
  case TypeCode::I16:
    return IntegerType::get(context, 16);
  case TypeCode::I32:
    return IntegerType::get(context, 32);
  case TypeCode::I64:
    return IntegerType::get(context, 64);
  case TypeCode::UI8:
    return unsignedType(8);
  case TypeCode::UI16:
    return unsignedType(16);
  case TypeCode::UI32:
    return unsignedType(32);
  case TypeCode::UI64:
    return unsignedType(64);
  case TypeCode::F16:
    return Float16Type::get(context);
  case TypeCode::BF16:
    return BFloat16Type::get(context);
  case TypeCode::F32:
    return Float32Type::get(context);
  case TypeCode::F64:
    return Float64Type::get(context);
  case TypeCode::Index:
    return IndexType::get(context);
  }
  return {};
}

uint64_t ascend::plan::format::getStorageBytes(Type type) {
  if (type.isIndex())
    return 8;
  return (type.getIntOrFloatBitWidth() + 7) / 8;
}

bool ascend::plan::hasPlanMagic(llvm::StringRef bytes) {
  return bytes.starts_with(kMagic);
}
