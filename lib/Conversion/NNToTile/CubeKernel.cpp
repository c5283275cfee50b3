//===- CubeKernel.cpp - Tile kernels for matmul/gemm nn.kernels -----------===//
//
// C[M, N] = A[M, K] x B[K, N] (+ bias, + elementwise epilogue) on the cube,
// with es the element size, K0 = 32 / es and N padded to Np = 16 * n1:
//
// - B is a constant, packed on the host into the exact L0B order: K0 x 16
//   "ZN" fractals (stored [n0][k0]), fractal rows over K, n1 columns, zero
//   padded. When K % K0 != 0 the last K fractal covers columns [K - K0, K)
//   (so that row reads of A never run past a row), with B rows already
//   covered by the previous fractal zeroed.
// - A is copied row-major gm -> L1 into fractal columns [k1][mPad][K0] (one
//   strided copy per fractal column, or one copy per row when rows are not
//   whole 32-byte blocks), then gathered into ZZ order in L0A by load2d with
//   a fractal stride. Padding rows of a ragged M are zeroed once, so nothing
//   reads never-written bytes.
// - Tiles of mt rows (all of N) are spread over blocks; K is consumed in
//   steps of k1s fractals, the first mmad initializing L0C and the others
//   accumulating.
// - L0C (NZ: [n1][mPad][16]) goes to ub as [n1][mt][16]; bias and epilogue
//   run there with vector ops; constant rows (bias, epilogue operands) are
//   pre-broadcast on the host into that layout and copied to ub once.
// - Output rows go back to row-major gm: N % 16 == 0 as one strided copy per
//   fractal column; otherwise one copy per row, each row's whole-fractal
//   write running into the next row (which rewrites it), and the last row of
//   a tile finished through a gm workspace row so no write crosses the end of
//   the tile.
//
//===----------------------------------------------------------------------===//

#include "CubeKernel.h"

#include "BlockSplit.h"
#include "ElementwiseOps.h"
#include "TileBuilder.h"

#include "nn/NNConstants.h"
#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

#include <limits>

using namespace mlir;
using namespace ascend;

static int64_t roundUp(int64_t v, int64_t m) { return (v + m - 1) / m * m; }

bool ascend::isCubeKernel(nn::KernelOp kernel) {
  for (Operation &op : kernel.getBody().front())
    if (isa<nn::MatMulOp, nn::GemmOp>(op))
      return true;
  return false;
}

namespace {
/// What the kernel computes, read from the nn.kernel body.
struct CubeProblem {
  int64_t m = 0, k = 0, n = 0;
  Type elem;
  unsigned aInput = 0;
  /// B[k][n] = bAt(k, n), alpha applied.
  SmallVector<double> b;
  bool transB = false;
  double alpha = 1.0;
  /// Constant rows of N values: the bias first (if any, beta applied), then
  /// the row operands of epilogue ops.
  SmallVector<SmallVector<double>> rows;
  bool hasBias = false;
  SmallVector<Operation *> epilogue;
  /// Splat values of kernel inputs (immediates).
  SmallVector<std::optional<double>> scalars;
  /// (epilogue op, operand #) -> index into `rows`.
  DenseMap<std::pair<Operation *, unsigned>, unsigned> rowOperands;

  double bAt(int64_t row, int64_t col) const {
    return alpha * (transB ? b[col * k + row] : b[row * n + col]);
  }
};
} // namespace

std::optional<SmallVector<double>>
ascend::getKernelConstant(nn::KernelOp kernel, Value v) {
  auto arg = dyn_cast<BlockArgument>(v);
  if (!arg)
    return std::nullopt;
  auto constant =
      kernel.getInputs()[arg.getArgNumber()].getDefiningOp<nn::ConstantOp>();
  if (!constant)
    return std::nullopt;
  return nn::getFloatValues(constant.getValue(),
                            std::numeric_limits<int64_t>::max());
}

/// A constant broadcast along rows of an [M, N] result ([N], [1, N], or one
/// value), as N values.
static std::optional<SmallVector<double>> getRow(nn::KernelOp kernel, Value v,
                                                 int64_t n) {
  auto values = getKernelConstant(kernel, v);
  auto type = dyn_cast<RankedTensorType>(v.getType());
  if (!values || !type)
    return std::nullopt;
  if (values->size() == 1)
    return SmallVector<double>(n, (*values)[0]);
  ArrayRef<int64_t> shape = type.getShape();
  bool isRow = (shape.size() == 1 && shape[0] == n) ||
               (shape.size() == 2 && shape[0] == 1 && shape[1] == n);
  if (!isRow)
    return std::nullopt;
  return values;
}

static FailureOr<CubeProblem> analyze(nn::KernelOp kernel,
                                      ArrayRef<std::optional<double>> scalars) {
  Block &body = kernel.getBody().front();
  CubeProblem p;
  p.scalars.assign(scalars.begin(), scalars.end());
  auto ops = body.without_terminator();
  Operation *cube = &*ops.begin();
  auto cubeError = [&](const Twine &what) {
    return cube->emitError()
           << "cannot lower " << cube->getName() << " to the cube: " << what;
  };
  Value a, b;
  if (auto matmul = dyn_cast<nn::MatMulOp>(cube)) {
    a = matmul.getLhs();
    b = matmul.getRhs();
  } else if (auto gemm = dyn_cast<nn::GemmOp>(cube)) {
    if (gemm.getTransA())
      return cubeError("transA is not supported yet");
    a = gemm.getA();
    b = gemm.getB();
    p.transB = gemm.getTransB();
    p.alpha = gemm.getAlpha().convertToDouble();
    if (Value c = gemm.getC()) {
      int64_t n = cast<RankedTensorType>(gemm.getType()).getDimSize(1);
      auto row = getRow(kernel, c, n);
      if (!row)
        return cubeError("C must be a constant of N values (or one value) "
                         "broadcast over rows");
      double beta = gemm.getBeta().convertToDouble();
      for (double &v : *row)
        v *= beta;
      p.rows.push_back(std::move(*row));
      p.hasBias = true;
    }
  } else {
    return kernel.emitError("a cube kernel must start with its matmul");
  }
  auto aType = cast<RankedTensorType>(a.getType());
  auto resultType = cast<RankedTensorType>(cube->getResult(0).getType());
  if (aType.getRank() != 2 ||
      cast<RankedTensorType>(b.getType()).getRank() != 2)
    return cubeError("only 2-D operands are supported (no batch or 1-D "
                     "operands yet)");
  p.m = resultType.getDimSize(0);
  p.n = resultType.getDimSize(1);
  p.k = p.transB ? cast<RankedTensorType>(b.getType()).getDimSize(1)
                 : aType.getDimSize(1);
  p.elem = resultType.getElementType();
  if (!p.elem.isF32() && !p.elem.isF16())
    return cubeError("element type must be f16 or f32");
  auto aArg = dyn_cast<BlockArgument>(a);
  if (!aArg)
    return cubeError("the left operand must be a kernel input");
  p.aInput = aArg.getArgNumber();
  auto bValues = getKernelConstant(kernel, b);
  if (!bValues)
    return cubeError("the right operand (weights) must be a constant; "
                     "activation x activation products are not supported yet");
  p.b = std::move(*bValues);

  // Epilogue: a chain of elementwise ops on the product.
  FailureOr<SmallVector<Operation *>> epilogue = walkEpilogue(
      kernel, scalars, "a cube kernel",
      [&](Operation *op, unsigned i, Value operand) -> LogicalResult {
        auto row = getRow(kernel, operand, p.n);
        if (!row)
          return op->emitError()
                 << "cannot lower " << op->getName()
                 << " in a cube kernel epilogue: operand #" << i
                 << " must be a splat or a constant row of N values";
        p.rowOperands[{op, i}] = p.rows.size();
        p.rows.push_back(std::move(*row));
        return success();
      });
  if (failed(epilogue))
    return failure();
  p.epilogue = std::move(*epilogue);
  return p;
}

namespace {
/// Builds the kernel body; one instance per kernel.
class CubeBuilder : public TileBuilder {
public:
  CubeBuilder(const CubeProblem &p, OpBuilder &builder, Location loc)
      : TileBuilder(builder, loc), p(p) {
    es = p.elem.getIntOrFloatBitWidth() / 8;
    k0 = 32 / es;
    fe = 512 / es;
    npad = roundUp(p.n, 16);
    n1 = npad / 16;
    k1 = (p.k + k0 - 1) / k0;
    kRem = p.k % k0;
  }

  LogicalResult chooseTiles(const MachineModel &machine, Operation *where);
  SmallVector<double> packB() const;
  SmallVector<double> broadcastRow(ArrayRef<double> row) const;
  void emitBody(func::FuncOp func, unsigned numRows, bool workspace);

  const CubeProblem &p;
  int64_t es, k0, fe, npad, n1, k1, kRem;
  int64_t mt = 0, k1s = 0, blocks = 1;

private:
  Value expand(Value flat, ArrayRef<int64_t> shape) {
    ReassociationIndices all;
    for (int64_t i = 0; i < (int64_t)shape.size(); ++i)
      all.push_back(i);
    return memref::ExpandShapeOp::create(b, loc, shape, flat,
                                         ArrayRef<ReassociationIndices>{all});
  }
  /// Swaps the first two dimensions of a 3-D view.
  Value swap01(Value v) { return permute(v, {1, 0, 2}); }

  void emitTile(Value mOff, int64_t m);
  void emitKStep(Value mOff, int64_t m, Value kf0, int64_t kc, bool accumulate,
                 bool last);
  Value emitEpilogue(int64_t m);
  void emitStore(Value result, Value mOff, int64_t m);

  // Arguments and buffers.
  Value aGm, aFlat, aSplit, bGm, wGm, outGm, outFlat, outSplit, blockIdx;
  SmallVector<Value> rowTiles;
  Value l1a, l1b, l0a, l0b, l0c, cub, eub, scratch;
};
} // namespace

LogicalResult CubeBuilder::chooseTiles(const MachineModel &machine,
                                       Operation *where) {
  auto fail = [&](const Twine &what) {
    return where->emitError()
           << "cannot lower " << where->getName() << " to the cube: " << what;
  };
  if (kRem && p.k < k0)
    return fail("K = " + Twine(p.k) + " is smaller than one cube fractal (" +
                Twine(k0) + " columns)");
  if (p.n % 16 && p.n < k0)
    return fail("N = " + Twine(p.n) + " is smaller than " + Twine(k0));
  if (npad > 4080)
    return fail("N = " + Twine(p.n) +
                " is too wide (N tiling is not "
                "supported yet)");
  int64_t l0a = machine.getBuffer(MemorySpace::L0A).size;
  int64_t l0b = machine.getBuffer(MemorySpace::L0B).size;
  int64_t l0c = machine.getBuffer(MemorySpace::L0C).size;
  int64_t ub = machine.getBuffer(MemorySpace::UB).size;
  int64_t l1 = machine.getBuffer(MemorySpace::L1).size;
  int64_t ubTiles =
      1 + (p.epilogue.empty() && !p.hasBias ? 0 : 1) + (int64_t)p.rows.size();
  // Rows per tile: enough tiles for the cores, but at least 32 rows to keep
  // the cube busy, at most 128, and everything must fit.
  int64_t cores = machine.cores;
  int64_t spread = roundUp((p.m + cores - 1) / cores, 16);
  mt = std::min(roundUp(p.m, 16), std::max<int64_t>(spread, 32));
  mt = std::min<int64_t>(mt, 128);
  auto fits = [&](int64_t rows) {
    return rows * npad * 4 <= l0c &&
           ubTiles * rows * npad * es + rows * k0 * es + 64 <= ub &&
           rows * 512 / 16 <= l0a && rows / 16 * n1 <= 4095;
  };
  while (mt >= 16 && !fits(mt))
    mt -= 16;
  if (mt < 16)
    return fail("N = " + Twine(p.n) +
                " is too wide for one 16-row tile in "
                "L0C and the unified buffer");
  k1s = std::min({k1, l0b / (n1 * 512), l0a / (mt / 16 * 512), 4095 / n1,
                  4095 / k0, l1 / (mt * k0 * es + n1 * 512)});
  if (k1s < 1)
    return fail("N = " + Twine(p.n) +
                " is too wide for one K fractal of "
                "the right operand in L0B");
  int64_t fullTiles = p.m / mt;
  blocks = std::max<int64_t>(1, std::min<int64_t>(cores, fullTiles));
  return success();
}

SmallVector<double> CubeBuilder::packB() const {
  SmallVector<double> packed(k1 * n1 * fe, 0.0);
  for (int64_t kf = 0; kf < k1; ++kf) {
    bool tail = kRem && kf == k1 - 1;
    for (int64_t kk = 0; kk < k0; ++kk) {
      int64_t row = tail ? p.k - k0 + kk : kf * k0 + kk;
      // The overlapping tail fractal only adds the rows it alone covers.
      if (row >= p.k || (tail && row < kf * k0))
        continue;
      for (int64_t col = 0; col < p.n; ++col)
        packed[((kf * n1 + col / 16) * 16 + col % 16) * k0 + kk] =
            p.bAt(row, col);
    }
  }
  return packed;
}

SmallVector<double> CubeBuilder::broadcastRow(ArrayRef<double> row) const {
  SmallVector<double> tile(mt * npad, 0.0);
  for (int64_t j1 = 0; j1 < n1; ++j1)
    for (int64_t i = 0; i < mt; ++i)
      for (int64_t c = 0; c < 16 && j1 * 16 + c < p.n; ++c)
        tile[(j1 * mt + i) * 16 + c] = row[j1 * 16 + c];
  return tile;
}

void CubeBuilder::emitBody(func::FuncOp func, unsigned numRows,
                           bool workspace) {
  Block *entry = &func.getBody().front();
  b.setInsertionPointToStart(entry);
  unsigned arg = 0;
  aGm = entry->getArgument(arg++);
  bGm = entry->getArgument(arg++);
  SmallVector<Value> rowGms;
  for (unsigned i = 0; i < numRows; ++i)
    rowGms.push_back(entry->getArgument(arg++));
  if (workspace)
    wGm = entry->getArgument(arg++);
  outGm = entry->getArgument(arg++);
  Type f32 = b.getF32Type();

  blockIdx = tile::BlockIdxOp::create(b, loc, b.getIndexType());
  aFlat = view(aGm, {p.m * p.k});
  if (!kRem)
    aSplit = view(aGm, {p.m, p.k / k0, k0});
  outFlat = view(outGm, {p.m * p.n});
  if (p.n % 16 == 0)
    outSplit = view(outGm, {p.m, n1, 16});

  l1a = alloc(mt * k1s * k0, p.elem, MemorySpace::L1);
  l1b = alloc(k1s * n1 * fe, p.elem, MemorySpace::L1);
  l0a = alloc(mt * k1s * k0, p.elem, MemorySpace::L0A);
  l0b = alloc(k1s * n1 * fe, p.elem, MemorySpace::L0B);
  l0c = alloc(mt * npad, f32, MemorySpace::L0C);
  cub = alloc(mt * npad, p.elem, MemorySpace::UB);
  if (!p.epilogue.empty() || p.hasBias)
    eub = alloc(mt * npad, p.elem, MemorySpace::UB);
  for (Value rowGm : rowGms) {
    Value tile = alloc(mt * npad, p.elem, MemorySpace::UB);
    copy(rowGm, tile);
    rowTiles.push_back(tile);
  }
  if (workspace)
    scratch = alloc(k0, p.elem, MemorySpace::UB);
  // Padding rows of a ragged M are read (as whole fractals) but never
  // loaded from gm: zero the whole A buffer once.
  if (p.m % 16) {
    Value zeros = alloc(mt * k0, p.elem, MemorySpace::UB);
    tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), zeros);
    loop(idx(k1s),
         [&](Value j) { copy(zeros, sub(l1a, {mul(j, mt * k0)}, {mt * k0})); });
  }

  // Full tiles t = b + j * B; the ragged tail runs once, on block F % B.
  int64_t fullTiles = p.m / mt, tail = p.m % mt;
  if (fullTiles > 0) {
    Value count = buildDealtTileCount(b, loc, blockIdx, fullTiles, blocks);
    loop(count, [&](Value j) {
      Value t = add(mul(j, blocks), blockIdx);
      emitTile(mul(t, mt), mt);
    });
  }
  if (tail > 0) {
    Value count = buildOwnerTripCount(b, loc, blockIdx, fullTiles % blocks);
    loop(count, [&](Value) { emitTile(idx(fullTiles * mt), tail); });
  }
  func::ReturnOp::create(b, loc);
}

void CubeBuilder::emitTile(Value mOff, int64_t m) {
  int64_t steps = (k1 + k1s - 1) / k1s;
  int64_t lastCount = k1 - (steps - 1) * k1s;
  if (steps == 1) {
    emitKStep(mOff, m, idx(0), lastCount, false, true);
  } else {
    emitKStep(mOff, m, idx(0), k1s, false, false);
    if (steps > 2)
      loop(idx(steps - 2), [&](Value s) {
        emitKStep(mOff, m, mul(add(s, 1), k1s), k1s, true, false);
      });
    emitKStep(mOff, m, idx((steps - 1) * k1s), lastCount, true, true);
  }
  // L0C holds [n1][mPad][16]; ub keeps the row stride of a full tile so the
  // broadcast rows line up for every tile.
  int64_t mPad = roundUp(m, 16);
  copy(view(l0c, {n1, mPad * 16}), view(cub, {n1, mPad * 16}, {mt * 16, 1}));
  Value result = emitEpilogue(m);
  emitStore(result, mOff, m);
}

void CubeBuilder::emitKStep(Value mOff, int64_t m, Value kf0, int64_t kc,
                            bool accumulate, bool last) {
  int64_t mPad = roundUp(m, 16), m1 = mPad / 16;
  // A: gm -> L1 fractal columns [kc][mPad][K0].
  Value a3 = view(l1a, {kc, mPad, k0}, {mPad * k0, k0, 1});
  if (!kRem) {
    Value rows = sub(aSplit, {mOff, kf0, idx(0)}, {m, kc, k0});
    copy(swap01(rows), sub(a3, {idx(0), idx(0), idx(0)}, {kc, m, k0}));
  } else {
    // Rows are not whole blocks apart: one copy per row. The last fractal
    // of K reads the row's final K0 columns (see packB).
    bool tailFractal = last;
    int64_t full = tailFractal ? kc - 1 : kc;
    loop(idx(m), [&](Value i) {
      Value rowStart = mul(add(mOff, i), p.k);
      if (full > 0)
        copy(expand(sub(aFlat, {add(rowStart, mul(kf0, k0))}, {full * k0}),
                    {full, 1, k0}),
             sub(a3, {idx(0), i, idx(0)}, {full, 1, k0}));
      if (tailFractal)
        copy(expand(sub(aFlat, {add(rowStart, p.k - k0)}, {k0}), {1, 1, k0}),
             sub(a3, {idx(kc - 1), i, idx(0)}, {1, 1, k0}));
    });
  }
  // B: packed fractals, contiguous.
  copy(sub(bGm, {mul(kf0, n1 * fe)}, {kc * n1 * fe}),
       sub(l1b, {idx(0)}, {kc * n1 * fe}));
  // L1 -> L0A in ZZ order: fractal (i1, j) from column j, row group i1.
  copy(view(l1a, {m1, kc, 16, k0}, {16 * k0, mPad * k0, k0, 1}),
       view(l0a, {m1, kc, 16, k0}));
  copy(sub(l1b, {idx(0)}, {kc * n1 * fe}), sub(l0b, {idx(0)}, {kc * n1 * fe}));
  auto mmad =
      tile::MmadOp::create(b, loc, view(l0a, {m, kc * k0}),
                           view(l0b, {kc * k0, npad}), view(l0c, {m, npad}));
  if (accumulate)
    mmad.setAccumulate(true);
}

Value CubeBuilder::emitEpilogue(int64_t m) {
  auto regions = fractalRegions(n1, mt, roundUp(m, 16));
  Value cur = cub, other = eub;
  if (p.hasBias) {
    for (auto r : regions)
      tile::VAddOp::create(b, loc, region(cur, r), region(rowTiles[0], r),
                           region(other, r));
    std::swap(cur, other);
  }
  return emitChain(
      p.epilogue, regions, cur, other, Value(),
      [&](Operation *op, unsigned i,
          std::pair<int64_t, int64_t> r) -> std::optional<Operand> {
        auto it = p.rowOperands.find({op, i});
        auto arg = dyn_cast<BlockArgument>(op->getOperand(i));
        if (it != p.rowOperands.end())
          return Operand{region(rowTiles[it->second], r), std::nullopt};
        if (arg && p.scalars[arg.getArgNumber()])
          return Operand{Value(), p.scalars[arg.getArgNumber()]};
        return std::nullopt;
      });
}

void CubeBuilder::emitStore(Value result, Value mOff, int64_t m) {
  Value res3 = view(result, {n1, mt, 16});
  Value zero = idx(0);
  if (p.n % 16 == 0) {
    // One strided copy per fractal column: m rows of 16 values.
    Value dst = swap01(sub(outSplit, {mOff, zero, zero}, {m, n1, 16}));
    copy(sub(res3, {zero, zero, zero}, {n1, m, 16}), dst);
    return;
  }
  // Row by row; each row writes whole fractals, running into the next row,
  // which the next copy rewrites (sync insertion orders them).
  auto rowCopy = [&](Value row, Value gmOffset, int64_t fractals) {
    copy(sub(res3, {zero, row, zero}, {fractals, 1, 16}),
         expand(sub(outFlat, {gmOffset}, {fractals * 16}), {fractals, 1, 16}));
  };
  if (m > 1)
    loop(idx(m - 1), [&](Value i) { rowCopy(i, mul(add(mOff, i), p.n), n1); });
  // The last row must not cross the end of the tile: its whole blocks go
  // straight out, its final K0 values through a workspace row read back at
  // an unaligned offset.
  Value last = idx(m - 1);
  Value rowStart = mul(add(mOff, m - 1), p.n);
  int64_t blocksInRow = p.n * es / 32, perFractal = 16 * es / 32;
  int64_t fullFractals = blocksInRow / perFractal;
  int64_t extraBlocks = blocksInRow % perFractal;
  if (fullFractals > 0)
    rowCopy(last, rowStart, fullFractals);
  if (extraBlocks > 0)
    copy(sub(res3, {idx(fullFractals), last, zero}, {1, 1, extraBlocks * k0}),
         expand(sub(outFlat, {add(rowStart, fullFractals * 16)},
                    {extraBlocks * k0}),
                {1, 1, extraBlocks * k0}));
  Value wRow = mul(blockIdx, npad);
  copy(sub(res3, {zero, last, zero}, {n1, 1, 16}),
       expand(sub(wGm, {wRow}, {npad}), {n1, 1, 16}));
  copy(sub(wGm, {add(wRow, p.n - k0)}, {k0}), scratch);
  copy(scratch, sub(outFlat, {add(rowStart, p.n - k0)}, {k0}));
}

FailureOr<CubeKernel>
ascend::buildCubeKernel(nn::KernelOp kernel,
                        ArrayRef<std::optional<double>> scalars,
                        const MachineModel &machine, OpBuilder &builder) {
  FailureOr<CubeProblem> problem = analyze(kernel, scalars);
  if (failed(problem))
    return failure();
  Operation *cube = &kernel.getBody().front().front();
  CubeBuilder cb(*problem, builder, kernel.getLoc());
  if (failed(cb.chooseTiles(machine, cube)))
    return failure();
  const CubeProblem &p = *problem;
  MLIRContext *ctx = builder.getContext();
  auto gm = tile::MemorySpaceAttr::get(ctx, MemorySpace::GM);
  auto gmType = [&](ArrayRef<int64_t> shape) {
    return MemRefType::get(shape, p.elem, MemRefLayoutAttrInterface(), gm);
  };
  auto constant = [&](ArrayRef<double> values, StringRef name) {
    return makeConstantArg(values, p.elem, name);
  };

  CubeKernel result;
  CubeKernelArg a;
  a.input = p.aInput;
  a.type = gmType({p.m, p.k});
  result.args.push_back(a);
  std::string name = kernel.getSymName().str();
  result.args.push_back(constant(cb.packB(), name + "_weights_zn"));
  for (auto [i, row] : llvm::enumerate(p.rows))
    result.args.push_back(
        constant(cb.broadcastRow(row), name + "_row" + std::to_string(i)));
  bool workspace = p.n % 16 != 0;
  if (workspace) {
    CubeKernelArg w;
    w.kind = CubeKernelArg::Kind::Workspace;
    w.type = gmType({cb.blocks * cb.npad});
    result.args.push_back(w);
  }

  func::FuncOp func =
      createKernelFunc(builder, kernel.getLoc(), name, result.args,
                       gmType({p.m, p.n}), cb.blocks);
  OpBuilder::InsertionGuard guard(builder);
  cb.emitBody(func, p.rows.size(), workspace);
  result.func = func;
  return result;
}

CubeKernelArg ascend::makeConstantArg(ArrayRef<double> values, Type elem,
                                      StringRef name) {
  CubeKernelArg arg;
  arg.kind = CubeKernelArg::Kind::Constant;
  int64_t size = values.size();
  arg.type = MemRefType::get(
      {size}, elem, MemRefLayoutAttrInterface(),
      tile::MemorySpaceAttr::get(elem.getContext(), MemorySpace::GM));
  arg.data =
      nn::makeWeightAttr(RankedTensorType::get({size}, elem), values, name);
  return arg;
}

func::FuncOp ascend::createKernelFunc(OpBuilder &builder, Location loc,
                                      StringRef name,
                                      ArrayRef<CubeKernelArg> args,
                                      MemRefType result, int64_t blocks) {
  SmallVector<Type> argTypes;
  for (const CubeKernelArg &arg : args)
    argTypes.push_back(arg.type);
  argTypes.push_back(result);
  auto func = func::FuncOp::create(builder, loc, name,
                                   builder.getFunctionType(argTypes, {}));
  func.setPrivate();
  func->setAttr("tile.kernel", builder.getUnitAttr());
  func->setAttr("tile.block_dim", builder.getI32IntegerAttr(blocks));
  func.addEntryBlock();
  return func;
}

FailureOr<SmallVector<Operation *>> ascend::walkEpilogue(
    nn::KernelOp kernel, ArrayRef<std::optional<double>> scalars,
    StringRef what,
    function_ref<LogicalResult(Operation *, unsigned, Value)> other) {
  Block &body = kernel.getBody().front();
  Operation *first = &body.front();
  Type resultType = first->getResult(0).getType();
  SmallVector<Operation *> chainOps;
  Value chain = first->getResult(0);
  for (Operation &op : llvm::drop_begin(body.without_terminator())) {
    if (!isSupportedElementwise(&op))
      return op.emitError() << "cannot fuse " << op.getName() << " into "
                            << what << " epilogue";
    for (auto [i, operand] : llvm::enumerate(op.getOperands())) {
      if (operand == chain)
        continue;
      auto arg = dyn_cast<BlockArgument>(operand);
      if (arg && scalars[arg.getArgNumber()])
        continue;
      if (failed(other(&op, i, operand)))
        return failure();
    }
    if (op.getResult(0).getType() != resultType)
      return op.emitError() << "epilogue result type differs from the "
                            << first->getName() << " result's";
    chain = op.getResult(0);
    chainOps.push_back(&op);
  }
  auto yield = cast<nn::YieldOp>(body.getTerminator());
  if (yield.getValues().size() != 1 || yield.getValues()[0] != chain)
    return kernel.emitError() << what
                              << " must yield only the end of its epilogue "
                                 "chain";
  return chainOps;
}
