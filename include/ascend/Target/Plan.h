//===- Plan.h - Binary plan format ------------------------------*- C++ -*-===//
//
// Encodes an isa.plan into the binary plan file the emulator runs, and decodes
// it back. The layout is described in docs/plan-format.md.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_TARGET_PLAN_H
#define ASCEND_TARGET_PLAN_H

#include "isa/ISAOps.h"

#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/LogicalResult.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>

namespace mlir {
class MLIRContext;
} // namespace mlir

namespace ascend::plan {
/// Current format version; readers reject other versions.
constexpr uint32_t kFormatVersion = 1;

/// Encodes a verified isa.plan into the binary plan format.
llvm::LogicalResult writePlan(isa::PlanOp plan, llvm::raw_ostream &os);

/// Decodes and verifies a binary plan. Every problem (truncation, bad magic,
/// wrong version, out-of-range field, unknown opcode/attribute, failed op
/// verification) is emitted as an error diagnostic on `context` naming
/// `bufferName` and where in the file it is (section, byte offset, kernel and
/// instruction index); returns null then. Never crashes or asserts on any
/// input.
/// Whether `bytes` start like a binary plan (as opposed to isa text).
bool hasPlanMagic(llvm::StringRef bytes);

mlir::OwningOpRef<isa::PlanOp> readPlan(llvm::StringRef bytes,
                                        llvm::StringRef bufferName,
                                        mlir::MLIRContext *context);
} // namespace ascend::plan

#endif // ASCEND_TARGET_PLAN_H
