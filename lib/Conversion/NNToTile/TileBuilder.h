//===- TileBuilder.h - Building blocks of tile kernel bodies ----*- C++ -*-===//
//
// Index arithmetic that folds constants, buffers and views in a memory space,
// copies and counted loops: what the cube and convolution kernels build their
// bodies from.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_TILEBUILDER_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_TILEBUILDER_H

#include "ElementwiseOps.h"

#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

namespace ascend {

class TileBuilder {
public:
  TileBuilder(mlir::OpBuilder &builder, mlir::Location loc)
      : b(builder), loc(loc), ctx(builder.getContext()) {}

  mlir::OpBuilder &b;
  mlir::Location loc;
  mlir::MLIRContext *ctx;

protected:
  mlir::Value idx(int64_t v) {
    return mlir::arith::ConstantIndexOp::create(b, loc, v);
  }
  mlir::Value add(mlir::Value x, mlir::Value y) {
    auto cx = mlir::getConstantIntValue(x), cy = mlir::getConstantIntValue(y);
    if (cx && cy)
      return idx(*cx + *cy);
    if (cy && *cy == 0)
      return x;
    if (cx && *cx == 0)
      return y;
    return mlir::arith::AddIOp::create(b, loc, x, y);
  }
  mlir::Value add(mlir::Value x, int64_t y) { return add(x, idx(y)); }
  mlir::Value mul(mlir::Value x, int64_t y) {
    if (auto cx = mlir::getConstantIntValue(x))
      return idx(*cx * y);
    if (y == 0 || y == 1)
      return y ? x : idx(0);
    return mlir::arith::MulIOp::create(b, loc, x, idx(y));
  }
  mlir::Value div(mlir::Value x, int64_t y) {
    if (auto cx = mlir::getConstantIntValue(x))
      return idx(*cx / y);
    if (y == 1)
      return x;
    return mlir::arith::DivSIOp::create(b, loc, x, idx(y));
  }
  /// x % y for x >= 0 (the ISA has no remainder).
  mlir::Value rem(mlir::Value x, int64_t y) {
    if (auto cx = mlir::getConstantIntValue(x))
      return idx(*cx % y);
    if (y == 1)
      return idx(0);
    return mlir::arith::SubIOp::create(b, loc, x, mul(div(x, y), y));
  }
  mlir::MemRefType type(llvm::ArrayRef<int64_t> shape, mlir::Type elem,
                        MemorySpace space, llvm::ArrayRef<int64_t> strides = {},
                        int64_t offset = 0) {
    mlir::MemRefLayoutAttrInterface layout;
    if (!strides.empty())
      layout = mlir::StridedLayoutAttr::get(ctx, offset, strides);
    return mlir::MemRefType::get(shape, elem, layout,
                                 tile::MemorySpaceAttr::get(ctx, space));
  }
  mlir::Value alloc(int64_t size, mlir::Type elem, MemorySpace space) {
    return mlir::memref::AllocOp::create(b, loc, type({size}, elem, space));
  }
  /// `buffer` (contiguous) seen with a shape and strides, starting `offset`
  /// elements after it (isa emission adds a reinterpret_cast's offset to
  /// where its source starts).
  mlir::Value view(mlir::Value buffer, llvm::ArrayRef<int64_t> shape,
                   llvm::ArrayRef<int64_t> strides = {}, int64_t offset = 0) {
    auto source = llvm::cast<mlir::MemRefType>(buffer.getType());
    llvm::SmallVector<int64_t> s(strides);
    if (s.empty()) {
      s.assign(shape.size(), 1);
      for (int i = (int)shape.size() - 2; i >= 0; --i)
        s[i] = s[i + 1] * shape[i + 1];
    }
    auto t = type(shape, source.getElementType(), *tile::getMemorySpace(source),
                  s, offset);
    return mlir::memref::ReinterpretCastOp::create(b, loc, t, buffer, offset,
                                                   shape, s);
  }
  mlir::Value sub(mlir::Value source, llvm::ArrayRef<mlir::Value> offsets,
                  llvm::ArrayRef<int64_t> sizes) {
    llvm::SmallVector<mlir::OpFoldResult> o, s, st;
    for (mlir::Value v : offsets)
      o.push_back(mlir::getAsOpFoldResult(v));
    for (int64_t size : sizes) {
      s.push_back(b.getIndexAttr(size));
      st.push_back(b.getIndexAttr(1));
    }
    return mlir::memref::SubViewOp::create(b, loc, source, o, s, st);
  }
  /// A flat view seen with `shape` (row-major).
  mlir::Value expand(mlir::Value flat, llvm::ArrayRef<int64_t> shape) {
    mlir::ReassociationIndices all;
    for (int64_t i = 0; i < (int64_t)shape.size(); ++i)
      all.push_back(i);
    return mlir::memref::ExpandShapeOp::create(
        b, loc, shape, flat, llvm::ArrayRef<mlir::ReassociationIndices>{all});
  }
  /// Permutes the dimensions of a view.
  mlir::Value permute(mlir::Value v, llvm::ArrayRef<unsigned> order) {
    return mlir::memref::TransposeOp::create(
        b, loc, v,
        mlir::AffineMapAttr::get(
            mlir::AffineMap::getPermutationMap(order, ctx)));
  }
  void copy(mlir::Value from, mlir::Value to) {
    tile::CopyOp::create(b, loc, from, to);
  }
  /// for i in [0, count): body(i)
  template <typename Fn> void loop(mlir::Value count, Fn body) {
    auto forOp = mlir::scf::ForOp::create(b, loc, idx(0), count, idx(1));
    mlir::OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(forOp.getBody());
    body(forOp.getInductionVar());
  }
  /// body() in a one-trip loop: isa emission frees the registers of values
  /// defined in a loop when it ends, so a tile's phases do not add up.
  template <typename Fn> void scoped(Fn body) {
    loop(idx(1), [&](mlir::Value) { body(); });
  }

  /// Runs the elementwise `ops` over the ub tile `cur` in `regions`
  /// ((offset, size) ranges of the flat tile), ping-ponging with `other`;
  /// `operandOf(op, #, region)` gives the operands that are not the chain
  /// (nullopt for the chain). Returns the buffer holding the result.
  template <typename Fn>
  mlir::Value emitChain(llvm::ArrayRef<mlir::Operation *> ops,
                        llvm::ArrayRef<std::pair<int64_t, int64_t>> regions,
                        mlir::Value cur, mlir::Value other,
                        llvm::ArrayRef<mlir::Value> scratch, Fn operandOf) {
    for (mlir::Operation *op : ops) {
      for (auto r : regions) {
        llvm::SmallVector<Operand> operands;
        for (unsigned i = 0; i < op->getNumOperands(); ++i) {
          std::optional<Operand> operand = operandOf(op, i, r);
          operands.push_back(operand ? *operand
                                     : Operand{region(cur, r), std::nullopt});
        }
        TileEmitter e(b, op->getLoc(), r.second);
        for (mlir::Value buffer : scratch)
          e.scratch.push_back(region(buffer, r));
        // The kernel's analysis accepted every op, so emission cannot fail.
        (void)emitElementwise(op, operands, region(other, r), e);
      }
      std::swap(cur, other);
    }
    return cur;
  }
  /// The regions of a ub tile [fractal columns][rowStride][16] holding
  /// `rows` (padded) rows: the whole tile, or one range per fractal column
  /// when the tile has fewer rows than its row stride.
  static llvm::SmallVector<std::pair<int64_t, int64_t>>
  fractalRegions(int64_t columns, int64_t rowStride, int64_t rows) {
    if (rows == rowStride)
      return {{0, columns * rowStride * 16}};
    llvm::SmallVector<std::pair<int64_t, int64_t>> regions;
    for (int64_t j = 0; j < columns; ++j)
      regions.push_back({j * rowStride * 16, rows * 16});
    return regions;
  }
  mlir::Value region(mlir::Value buffer, std::pair<int64_t, int64_t> r) {
    return sub(buffer, {idx(r.first)}, {r.second});
  }
};

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_TILEBUILDER_H
