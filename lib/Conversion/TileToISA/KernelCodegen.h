//===- KernelCodegen.h - One tile kernel into isa instructions --*- C++ -*-===//

#ifndef ASCEND_LIB_CONVERSION_TILETOISA_KERNELCODEGEN_H
#define ASCEND_LIB_CONVERSION_TILETOISA_KERNELCODEGEN_H

#include "isa/ISAOps.h"
#include "tile/TileOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"

#include <array>
#include <optional>

namespace ascend {

/// A copy's innermost contiguous run and its outer dimensions.
struct CopyShape;

/// Emits the program of `kernel` into the body of `target`, given the global
/// memory offset of each kernel argument at this launch.
class KernelCodegen {
public:
  KernelCodegen(mlir::func::FuncOp kernel, llvm::ArrayRef<int64_t> argOffsets,
                isa::KernelOp target);

  llvm::LogicalResult run();

private:
  /// An index value: a compile-time constant or a register.
  struct Scalar {
    std::optional<int64_t> constant;
    uint32_t reg = 0;
  };
  /// Where a memref's first element lives.
  struct Address {
    MemorySpace space;
    uint32_t reg;
    int64_t imm;
  };

  llvm::LogicalResult emitBlock(mlir::Block &block);
  llvm::LogicalResult emitOp(mlir::Operation *op);
  llvm::LogicalResult emitFor(mlir::scf::ForOp loop);
  llvm::LogicalResult emitIndexArith(mlir::Operation *op);
  llvm::LogicalResult emitSubview(mlir::memref::SubViewOp subview);
  llvm::LogicalResult emitCopy(tile::CopyOp copy);
  llvm::LogicalResult emitBurstCopy(tile::CopyOp copy, Address dst,
                                    Address src);
  llvm::LogicalResult emitPadCopy(tile::CopyOp copy, Address dst, Address src,
                                  const CopyShape &shape);
  llvm::LogicalResult emitNchwConv(tile::VNchwConvOp conv);
  llvm::LogicalResult emitVector(mlir::Operation *op);
  llvm::LogicalResult emitBroadcastBinary(mlir::Operation *op);
  llvm::LogicalResult emitBrcb(tile::VBrcbOp op);
  llvm::LogicalResult emitGather(tile::VGatherOp op);
  llvm::LogicalResult emitRowReduce(mlir::Operation *op);
  llvm::LogicalResult emitLoadTranspose(tile::LoadTransposeOp load);
  llvm::LogicalResult emitConv(tile::VConvOp conv);
  llvm::LogicalResult emitMmad(tile::MmadOp mmad);
  llvm::LogicalResult emitImg2Col(tile::Img2ColOp img2col);

  mlir::FailureOr<Scalar> getScalar(mlir::Value value);
  mlir::FailureOr<Address> getAddress(mlir::Value memref);
  /// A register holding `scalar`; constants are loaded into a fresh
  /// register that is added to `temps` for the caller to release.
  mlir::FailureOr<uint32_t> inRegister(Scalar scalar, mlir::Location loc,
                                       llvm::SmallVectorImpl<uint32_t> &temps);
  /// The lowest free register, held once.
  mlir::FailureOr<uint32_t> allocateRegister(mlir::Location loc);
  void retain(uint32_t reg);
  void release(uint32_t reg);
  /// Drops the register hold of a value that is dead.
  void releaseValue(mlir::Value value);
  /// Records, for each op, the values whose last use (in their defining
  /// block) it is.
  void computeLastUses();

  isa::AddressAttr makeAddress(Address address, int64_t extra = 0);
  /// Creates isa op `name` with `attrs` at the current insertion point.
  void emit(mlir::Location loc, llvm::StringRef name,
            llvm::ArrayRef<mlir::NamedAttribute> attrs);
  mlir::NamedAttribute i32(llvm::StringRef name, int64_t value);

  mlir::func::FuncOp kernel;
  llvm::SmallVector<int64_t> argOffsets;
  mlir::OpBuilder builder;
  llvm::DenseMap<mlir::Value, Scalar> scalars;
  llvm::DenseMap<mlir::Value, Address> addresses;
  /// Live values (and temporaries) holding each register; r0 holds zero for
  /// the whole kernel (the base of static addresses) and is never allocated.
  std::array<uint32_t, 32> holds{};
  llvm::DenseMap<mlir::Operation *, llvm::SmallVector<mlir::Value>> dying;
};

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_TILETOISA_KERNELCODEGEN_H
