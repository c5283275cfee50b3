//===- ISAOps.h - Instructions of the isa dialect ---------------*- C++ -*-===//

#ifndef ASCEND_ISA_ISAOPS_H
#define ASCEND_ISA_ISAOPS_H

#include "common/PipeOpInterface.h"
#include "isa/ISAAttrs.h"
#include "isa/ISADialect.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"

#include "mlir/IR/RegionKindInterface.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/APFloat.h"

#include <optional>

namespace ascend::isa {
/// A named memory operand of an instruction, for shared verification.
struct NamedAddress {
  llvm::StringRef name;
  AddressAttr address;
};

/// The lane types a vector instruction takes.
enum class VectorTypes {
  Float,  ///< f16, f32
  Arith,  ///< f16, f32, s16 (i16), s32 (i32)
  Bits16, ///< i16 (bitwise ops)
};

/// Checks the operands of a vector instruction: every address in ub and
/// aligned, `dtype` one of `types`, and `mask` between 1 and the lanes of one
/// repeat (256 bytes / element size, or `lanes` when given). With integer
/// lanes, an immediate `scalar` must be an integer that `dtype` holds.
llvm::LogicalResult
verifyVectorInstruction(mlir::Operation *op,
                        llvm::ArrayRef<NamedAddress> operands, mlir::Type dtype,
                        uint32_t mask, uint32_t lanes = 0,
                        VectorTypes types = VectorTypes::Float,
                        std::optional<llvm::APFloat> scalar = std::nullopt);
} // namespace ascend::isa

#define GET_OP_CLASSES
#include "isa/ISAOps.h.inc"

#endif // ASCEND_ISA_ISAOPS_H
