//===- CubeKernel.cpp - Tile kernels for matmul/gemm nn.kernels -----------===//
//
// C[M, N] = A[M, K] x B[K, N] (+ bias, + elementwise epilogue) on the cube,
// with es the element size, K0 = 32 / es and N padded to Np = 16 * n1:
//
// - A constant B is packed on the host into the exact L0B order: K0 x 16
//   "ZN" fractals (stored [n0][k0]), fractal rows over K, n1 columns, zero
//   padded. When K % K0 != 0 (and K >= K0) the last K fractal covers
//   columns [K - K0, K) (so that row reads of A never run past a row), with
//   B rows already covered by the previous fractal zeroed.
// - Runtime operands stay row-major in gm. Those with K along their rows (A,
//   B^T) are copied into fractal columns [kc][rows][K0] and gathered by
//   load2d (ZZ for L0A; one group of 16 columns after the other for L0B);
//   those stored [K][O] (A^T, B) are copied into row-major 16 x 16 blocks
//   and transposed on the way to L0 (tile.load_transpose). Rows that are
//   whole 32-byte blocks apart load as strided copies; others one copy per
//   row, reading past the row end in a staged, zero-padded copy made by a
//   stage kernel launched first (StageKernel.h), which in mixed precision
//   also converts f32 to f16. A runtime B is multiplied one group of 16
//   columns at a time.
// - Tiles of mt rows (all of N) of each batch are spread over blocks; K is
//   consumed in steps of k1s fractals, the first mmad initializing L0C and
//   the others accumulating. A runtime C broadcast over rows is a first
//   K = 1 product (a column of beta by a row holding C).
// - L0C (NZ: [n1][mPad][16]) goes to ub as [n1][mt][16]; alpha, an [M, N]
//   C, the bias and epilogue run there with vector ops; constant rows (bias,
//   epilogue operands) are pre-broadcast on the host into that layout and
//   copied to ub once; [M, N] operands (C, epilogue tensors such as a
//   residual) are copied per tile from gm into that layout.
// - Output rows go back to row-major gm: N % 16 == 0 as one strided copy per
//   fractal column; otherwise one copy per row, each row's whole-fractal
//   write running into the next row (which rewrites it), and the last row of
//   a tile finished through a gm workspace row so no write crosses the end of
//   the tile. Rows shorter than a block (N < K0) are assembled in a gm
//   workspace by one block and copied out flat.
//
//===----------------------------------------------------------------------===//

#include "CubeKernel.h"

#include "BlockSplit.h"
#include "ElementwiseOps.h"
#include "StageKernel.h"

#include "nn/NNConstants.h"
#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/CSE.h"

#include <limits>

using namespace mlir;
using namespace ascend;

bool ascend::isCubeKernel(nn::KernelOp kernel) {
  for (Operation &op : kernel.getBody().front())
    if (isa<nn::MatMulOp, nn::GemmOp>(op))
      return true;
  return false;
}

namespace {
/// A matrix operand read from gm at run time (a kernel input), row by row.
struct MatrixOperand {
  unsigned input = 0;
  /// Stored [K][O] (K runs down the rows: Gemm transA, or a right operand
  /// without transB): 16 x 16 blocks are transposed on the way to L0.
  bool kRows = false;
  /// Rows and row length of one stored matrix.
  int64_t rows = 0, cols = 0;
  /// Per looped batch dimension, the step in stored rows (0: broadcast).
  SmallVector<int64_t> batchRows;
  /// Elements of the whole tensor.
  int64_t numel = 0;
  /// Read through a staged copy with zeroed padding (see StageKernel.h).
  bool staged = false;
  /// The staged copy is converted to the cube's element type (f16 inputs of
  /// an f32 model in mixed precision).
  bool convert = false;
};

/// How a Gemm's C reaches the result.
enum class BiasKind {
  None,
  ConstRow,   // constant of N values: rows[0], added on the vector unit
  CubeRow,    // runtime [N] or [1, N]: an extra K = 1 product on the cube
  CubeScalar, // runtime [], [1] or [1, 1]: likewise
  Matrix,     // [M, N]: rows copied into ub and added on the vector unit
};

/// What the kernel computes, read from the nn.kernel body.
struct CubeProblem {
  /// Rows, inner dimension and columns of one product (with the batch of a
  /// MatMul whose right operand is 2-D folded into the rows).
  int64_t m = 0, k = 0, n = 0;
  /// Element type of the cube's operands, and of the result (and of the
  /// vector epilogue): f16 and f32 for an f32 model in mixed precision.
  Type elem, outElem;
  /// Output batch dimensions the kernel loops over.
  SmallVector<int64_t> batch;
  MatrixOperand a;
  /// Constant right operand: B[k][n] = bAt(k, n), alpha applied.
  bool bConst = false;
  SmallVector<double> b;
  bool transB = false;
  double alpha = 1.0, beta = 1.0;
  /// Runtime right operand.
  MatrixOperand bOp;
  BiasKind bias = BiasKind::None;
  MatrixOperand c;
  /// Constant rows of N values: the bias first (if any, beta applied), then
  /// the row operands of epilogue ops.
  SmallVector<SmallVector<double>> rows;
  bool hasBias = false;
  SmallVector<Operation *> epilogue;
  /// Splat values of kernel inputs (immediates).
  SmallVector<std::optional<double>> scalars;
  /// (epilogue op, operand #) -> index into `rows`.
  DenseMap<std::pair<Operation *, unsigned>, unsigned> rowOperands;
  /// Epilogue operands of the product's shape, read per tile from gm.
  SmallVector<MatrixOperand> tiles;
  /// (epilogue op, operand #) -> index into `tiles`.
  DenseMap<std::pair<Operation *, unsigned>, unsigned> tileOperands;

  double bAt(int64_t row, int64_t col) const {
    return alpha * (transB ? b[col * k + row] : b[row * n + col]);
  }
  int64_t batches() const {
    int64_t count = 1;
    for (int64_t d : batch)
      count *= d;
    return count;
  }
  bool cubeBias() const {
    return bias == BiasKind::CubeRow || bias == BiasKind::CubeScalar;
  }
};
} // namespace

/// A constant broadcast along rows of an [..., M, N] result ([N], [1, ..., 1,
/// N], or one value), as N values.
static std::optional<SmallVector<double>> getRow(nn::KernelOp kernel, Value v,
                                                 int64_t n) {
  auto values = getKernelConstant(kernel, v);
  auto type = dyn_cast<RankedTensorType>(v.getType());
  if (!values || !type)
    return std::nullopt;
  if (values->size() == 1)
    return SmallVector<double>(n, (*values)[0]);
  ArrayRef<int64_t> shape = type.getShape();
  bool isRow =
      !shape.empty() && shape.back() == n &&
      llvm::all_of(shape.drop_back(), [](int64_t d) { return d == 1; });
  if (!isRow)
    return std::nullopt;
  return values;
}

/// Per output batch dimension, the step in stored rows of an operand whose
/// batch dimensions broadcast against `outBatch` (numpy rules).
static SmallVector<int64_t> getBatchRows(ArrayRef<int64_t> shape,
                                         ArrayRef<int64_t> outBatch) {
  int64_t rank = shape.size(), lead = outBatch.size() - (rank - 2);
  SmallVector<int64_t> steps(outBatch.size(), 0);
  int64_t step = shape[rank - 2];
  for (int64_t d = rank - 3; d >= 0; --d) {
    if (shape[d] != 1)
      steps[d + lead] = step;
    step *= shape[d];
  }
  return steps;
}

/// Merges adjacent batch dimensions that both operands step through alike
/// (contiguously across them, or both broadcast) and drops dimensions of
/// size 1: fewer dimensions, less index arithmetic per tile.
static void collapseBatch(CubeProblem &p) {
  SmallVector<int64_t> dims, a, b;
  for (size_t d = 0; d < p.batch.size(); ++d) {
    int64_t extent = p.batch[d];
    if (extent == 1)
      continue;
    int64_t sa = p.a.batchRows[d], sb = p.bConst ? 0 : p.bOp.batchRows[d];
    auto merges = [&](int64_t outer, int64_t inner) {
      return outer == inner * extent;
    };
    if (!dims.empty() && merges(a.back(), sa) && merges(b.back(), sb)) {
      dims.back() *= extent;
      a.back() = sa;
      b.back() = sb;
      continue;
    }
    dims.push_back(extent);
    a.push_back(sa);
    b.push_back(sb);
  }
  p.batch = dims;
  p.a.batchRows = a;
  if (!p.bConst)
    p.bOp.batchRows = b;
}

static FailureOr<CubeProblem> analyze(nn::KernelOp kernel,
                                      ArrayRef<std::optional<double>> scalars,
                                      bool mixed) {
  Block &body = kernel.getBody().front();
  CubeProblem p;
  p.scalars.assign(scalars.begin(), scalars.end());
  auto ops = body.without_terminator();
  Operation *cube = &*ops.begin();
  auto cubeError = [&](const Twine &what) {
    return cube->emitError()
           << "cannot lower " << cube->getName() << " to the cube: " << what;
  };
  auto inputOf = [&](Value v) -> std::optional<unsigned> {
    if (auto arg = dyn_cast<BlockArgument>(v))
      return arg.getArgNumber();
    return std::nullopt;
  };
  Value a, b, c;
  bool transA = false;
  if (auto matmul = dyn_cast<nn::MatMulOp>(cube)) {
    a = matmul.getLhs();
    b = matmul.getRhs();
  } else if (auto gemm = dyn_cast<nn::GemmOp>(cube)) {
    a = gemm.getA();
    b = gemm.getB();
    c = gemm.getC();
    transA = gemm.getTransA();
    p.transB = gemm.getTransB();
    p.alpha = gemm.getAlpha().convertToDouble();
    p.beta = gemm.getBeta().convertToDouble();
  } else {
    return kernel.emitError("a cube kernel must start with its matmul");
  }
  auto aType = cast<RankedTensorType>(a.getType());
  auto bType = cast<RankedTensorType>(b.getType());
  auto resultType = cast<RankedTensorType>(cube->getResult(0).getType());
  if (aType.getRank() < 2 || bType.getRank() < 2)
    return cubeError("1-D operands are not supported yet");
  ArrayRef<int64_t> aShape = aType.getShape(), bShape = bType.getShape(),
                    outShape = resultType.getShape();
  int64_t rank = outShape.size();
  p.m = outShape[rank - 2];
  p.n = outShape[rank - 1];
  p.k = transA ? aShape[0] : aShape.back();
  p.outElem = resultType.getElementType();
  if (!p.outElem.isF32() && !p.outElem.isF16())
    return cubeError("element type must be f16 or f32");
  // Mixed precision: f16 operands, fp32 accumulation and result.
  p.elem = mixed ? Float16Type::get(kernel.getContext()) : p.outElem;
  bool convert = p.elem != p.outElem;
  if (!inputOf(a))
    return cubeError("the left operand must be a kernel input");
  p.a.input = *inputOf(a);
  p.a.kRows = transA;
  p.a.rows = aShape[aShape.size() - 2];
  p.a.cols = aShape.back();
  p.a.numel = aType.getNumElements();
  p.a.convert = convert;
  ArrayRef<int64_t> outBatch = outShape.drop_back(2);
  if (bType.getRank() == 2 && !transA) {
    // A [..., M, K] x B [K, N] is one [batch * M, K] x [K, N] product.
    for (int64_t d : outBatch)
      p.m *= d;
  } else {
    p.batch.assign(outBatch.begin(), outBatch.end());
    p.a.batchRows = getBatchRows(aShape, outBatch);
  }
  if (auto values = getKernelConstant(kernel, b);
      values && bType.getRank() == 2) {
    p.bConst = true;
    p.b = std::move(*values);
  } else {
    if (!inputOf(b))
      return cubeError("the right operand must be a kernel input");
    p.bOp.input = *inputOf(b);
    p.bOp.kRows = !p.transB;
    p.bOp.rows = bShape[bShape.size() - 2];
    p.bOp.cols = bShape.back();
    p.bOp.numel = bType.getNumElements();
    p.bOp.convert = convert;
    if (!p.batch.empty())
      p.bOp.batchRows = getBatchRows(bShape, outBatch);
  }
  collapseBatch(p);
  if (!p.bConst && p.alpha == 0.0)
    return cubeError("alpha = 0 with a runtime right operand is not "
                     "supported");

  if (c) {
    auto cType = cast<RankedTensorType>(c.getType());
    ArrayRef<int64_t> cShape = cType.getShape();
    if (auto row = getRow(kernel, c, p.n)) {
      for (double &v : *row)
        v *= p.beta;
      p.rows.push_back(std::move(*row));
      p.hasBias = true;
      p.bias = BiasKind::ConstRow;
    } else {
      if (!inputOf(c))
        return cubeError("C must be a kernel input");
      p.c.input = *inputOf(c);
      p.c.cols = cShape.empty() ? 1 : cShape.back();
      p.c.numel = cType.getNumElements();
      if (cType.getNumElements() == 1)
        p.bias = BiasKind::CubeScalar;
      else if (cShape.back() == p.n && (cShape.size() == 1 || cShape[0] == 1))
        p.bias = BiasKind::CubeRow;
      else if (cShape.size() == 2 && cShape[0] == p.m && cShape[1] == p.n)
        p.bias = BiasKind::Matrix;
      else
        return cubeError("C must broadcast along rows ([N], [1, N], one "
                         "value) or be [M, N]");
      // C goes into L0B on the cube, or into ub in the result's type.
      p.c.convert = convert && p.bias != BiasKind::Matrix;
    }
  }

  // Epilogue: a chain of elementwise ops on the product.
  Value chain = cube->getResult(0);
  for (Operation &op : llvm::drop_begin(ops)) {
    if (!isSupportedElementwise(&op))
      return op.emitError() << "cannot fuse " << op.getName()
                            << " into a cube kernel epilogue";
    if (!llvm::is_contained(op.getOperands(), chain))
      return op.emitError() << "cannot fuse " << op.getName()
                            << " into a cube kernel epilogue: it does not "
                               "use the product";
    for (auto [i, operand] : llvm::enumerate(op.getOperands())) {
      if (operand == chain)
        continue;
      auto arg = dyn_cast<BlockArgument>(operand);
      if (arg && scalars[arg.getArgNumber()])
        continue;
      if (auto row = getRow(kernel, operand, p.n)) {
        p.rowOperands[{&op, (unsigned)i}] = p.rows.size();
        p.rows.push_back(std::move(*row));
        continue;
      }
      // A tensor of the product's shape (a residual): its rows are copied
      // into ub per tile, in the epilogue's (the result's) element type.
      if (arg && operand.getType() == resultType) {
        MatrixOperand t;
        t.input = arg.getArgNumber();
        t.rows = p.m;
        t.cols = p.n;
        t.numel = resultType.getNumElements();
        p.tileOperands[{&op, (unsigned)i}] = p.tiles.size();
        p.tiles.push_back(t);
        continue;
      }
      return op.emitError()
             << "cannot lower " << op.getName()
             << " in a cube kernel epilogue: operand #" << i
             << " must be a splat, a constant row of N values or a tensor of "
                "the product's shape";
    }
    if (op.getResult(0).getType() != resultType)
      return op.emitError("epilogue result shape differs from the product's");
    chain = op.getResult(0);
    p.epilogue.push_back(&op);
  }
  auto yield = cast<nn::YieldOp>(body.getTerminator());
  if (yield.getValues().size() != 1 || yield.getValues()[0] != chain)
    return kernel.emitError("a cube kernel must yield only the end of its "
                            "epilogue chain");
  return p;
}

namespace {
/// Builds the kernel body; one instance per kernel.
class CubeBuilder {
public:
  CubeBuilder(CubeProblem &p, OpBuilder &builder, Location loc)
      : p(p), b(builder), loc(loc), ctx(builder.getContext()) {
    es = p.elem.getIntOrFloatBitWidth() / 8;
    k0 = 32 / es;
    fe = 512 / es;
    oes = p.outElem.getIntOrFloatBitWidth() / 8;
    ok0 = 32 / oes;
    npad = roundUp(p.n, 16);
    n1 = npad / 16;
    k1 = (p.k + k0 - 1) / k0;
    kRem = p.k % k0;
    // Constant weights can absorb a ragged K: the last fractal of A's rows
    // overlaps the previous one and the packed B zeroes what is counted
    // twice. Runtime operands instead read past the row end of a staged
    // copy, and mmad ignores the columns beyond k.
    overlapTail = p.bConst && !p.a.kRows && kRem && p.k >= k0;
    p.a.staged =
        p.a.convert || (p.a.kRows ? p.m % 16 != 0 : kRem && !overlapTail);
    if (!p.bConst)
      p.bOp.staged = p.bOp.convert || (p.bOp.kRows ? p.n % 16 != 0 : kRem != 0);
    p.c.staged = p.c.convert || p.bias == BiasKind::CubeRow ||
                 (p.bias == BiasKind::Matrix && p.n % 16 != 0);
    // Rows of an [M, N] operand are read as whole fractals, past the end of
    // a row that is not: from a staged copy, so the last row stays in bounds.
    for (MatrixOperand &t : p.tiles)
      t.staged = p.n % 16 != 0;
    // Transposing loads move 16 rows of K at a time.
    kg = p.a.kRows || (!p.bConst && p.bOp.kRows) ? 16 / k0 : 1;
    flatOut = p.n % 16 != 0 && p.n < ok0;
    storeWorkspace = p.n % 16 != 0 && !flatOut;
  }

  LogicalResult chooseTiles(const MachineModel &machine, Operation *where);
  SmallVector<double> packB() const;
  SmallVector<double> broadcastRow(ArrayRef<double> row) const;
  void emitBody(func::FuncOp func);

  CubeProblem &p;
  OpBuilder &b;
  Location loc;
  MLIRContext *ctx;
  /// Cube operand element size, K0 and values per fractal; result element
  /// size and values per block.
  int64_t es, k0, fe, oes, ok0, npad, n1, k1, kRem, kg;
  int64_t mt = 0, k1s = 0, blocks = 1;
  bool overlapTail, flatOut, storeWorkspace;
  /// Kernel function arguments (set by buildCubeKernel).
  unsigned aArg = 0, bArg = 0, cArg = 0, outArg = 0;
  SmallVector<unsigned> rowArgs, tileArgs;
  std::optional<unsigned> storeArg, flatOutArg;

private:
  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value add(Value x, Value y) {
    auto cx = getConstantIntValue(x), cy = getConstantIntValue(y);
    if (cx && cy)
      return idx(*cx + *cy);
    if (cy && *cy == 0)
      return x;
    if (cx && *cx == 0)
      return y;
    return arith::AddIOp::create(b, loc, x, y);
  }
  Value add(Value x, int64_t y) { return add(x, idx(y)); }
  Value mul(Value x, int64_t y) {
    if (auto cx = getConstantIntValue(x))
      return idx(*cx * y);
    if (y == 0 || y == 1)
      return y ? x : idx(0);
    return arith::MulIOp::create(b, loc, x, idx(y));
  }
  Value div(Value x, int64_t y) {
    if (auto cx = getConstantIntValue(x))
      return idx(*cx / y);
    if (y == 1)
      return x;
    return arith::DivSIOp::create(b, loc, x, idx(y));
  }
  MemRefType type(ArrayRef<int64_t> shape, Type elem, MemorySpace space,
                  ArrayRef<int64_t> strides = {}, int64_t offset = 0) {
    MemRefLayoutAttrInterface layout;
    if (!strides.empty())
      layout = StridedLayoutAttr::get(ctx, offset, strides);
    return MemRefType::get(shape, elem, layout,
                           tile::MemorySpaceAttr::get(ctx, space));
  }
  Value alloc(int64_t size, Type elem, MemorySpace space) {
    return memref::AllocOp::create(b, loc, type({size}, elem, space));
  }
  /// `buffer` (an identity-layout memref) seen with a shape and strides,
  /// starting `offset` elements in.
  Value view(Value buffer, ArrayRef<int64_t> shape,
             ArrayRef<int64_t> strides = {}, int64_t offset = 0) {
    auto source = cast<MemRefType>(buffer.getType());
    SmallVector<int64_t> s(strides);
    if (s.empty()) {
      s.assign(shape.size(), 1);
      for (int i = (int)shape.size() - 2; i >= 0; --i)
        s[i] = s[i + 1] * shape[i + 1];
    }
    auto t = type(shape, source.getElementType(), *tile::getMemorySpace(source),
                  s, offset);
    return memref::ReinterpretCastOp::create(b, loc, t, buffer, offset, shape,
                                             s);
  }
  Value sub(Value source, ArrayRef<Value> offsets, ArrayRef<int64_t> sizes) {
    SmallVector<OpFoldResult> o, s, st;
    for (Value v : offsets)
      o.push_back(getAsOpFoldResult(v));
    for (int64_t size : sizes) {
      s.push_back(b.getIndexAttr(size));
      st.push_back(b.getIndexAttr(1));
    }
    return memref::SubViewOp::create(b, loc, source, o, s, st);
  }
  Value expand(Value flat, ArrayRef<int64_t> shape) {
    ReassociationIndices all;
    for (int64_t i = 0; i < (int64_t)shape.size(); ++i)
      all.push_back(i);
    return memref::ExpandShapeOp::create(b, loc, shape, flat,
                                         ArrayRef<ReassociationIndices>{all});
  }
  /// Swaps the first two dimensions of a 3-D view.
  Value swap01(Value v) {
    return memref::TransposeOp::create(
        b, loc, v,
        AffineMapAttr::get(
            AffineMap::getPermutationMap(ArrayRef<unsigned>{1, 0, 2}, ctx)));
  }
  void copy(Value from, Value to) { tile::CopyOp::create(b, loc, from, to); }
  /// for i in [0, count): body(i)
  template <typename Fn> void loop(Value count, Fn body) {
    auto forOp = scf::ForOp::create(b, loc, idx(0), count, idx(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(forOp.getBody());
    body(forOp.getInductionVar());
  }
  /// body() in a one-trip loop: isa emission frees the registers of values
  /// defined in a loop when it ends, so a tile's phases do not add up.
  template <typename Fn> void scoped(Fn body) {
    loop(idx(1), [&](Value) { body(); });
  }
  /// Fills an l1 buffer with zeros, one fractal per copy.
  void zeroL1(Value buffer) {
    int64_t size = cast<MemRefType>(buffer.getType()).getNumElements();
    loop(idx(size / fe),
         [&](Value j) { copy(zeros, sub(buffer, {mul(j, fe)}, {fe})); });
  }
  /// Stored-row offsets of batch `bi` in A and B.
  std::pair<Value, Value> batchRows(Value bi);

  void emitTile(Value bi, Value mOff, int64_t m, Value item = {});
  void emitKStep(Value aRow, Value bRow, Value mOff, int64_t m, Value kf0,
                 int64_t kc, bool accumulate, bool last);
  void loadRows(Value flat, Value split, Value rowBase, int64_t cols,
                int64_t rows, int64_t rowsPad, Value kf0, int64_t kc, bool last,
                Value l1);
  void loadKRows(Value flat, Value split, Value rowBase, Value colOff,
                 int64_t cols, int64_t groups, Value kStart, int64_t kRows,
                 Value l1);
  void loadTransposed(Value l1, int64_t groups, int64_t kb, Value l0,
                      int64_t stride);
  /// Rows of K an operand buffer holds.
  int64_t kRowsMax() const { return roundUp(k1s, kg) * k0; }
  /// Rows [row0, row0 + m) of an [rows, N] gm operand (`split`: seen as
  /// [rows][n1][16] when N % 16 == 0) into the ub tile `tile`, in the layout
  /// of the result ([n1][mt][16]).
  void loadMatrix(Value flat, Value split, Value row0, int64_t m, Value tile);
  Value emitEpilogue(int64_t m);
  void emitStore(Value result, Value mOff, int64_t m);

  // Arguments and buffers.
  Value aFlat, aSplit, bGm, bFlat, bSplit, cFlat, cSplit, wGm, outFlat,
      outSplit, flatOutGm, blockIdx;
  SmallVector<Value> rowTiles;
  /// Per epilogue operand of the product's shape: gm views and ub tile.
  SmallVector<Value> matFlats, matSplits, matTiles;
  Value l1a, l1b, l0a, l0b, l0c, cub, eub, scratch, zeros, cTile, biasA, biasB;
};
} // namespace

LogicalResult CubeBuilder::chooseTiles(const MachineModel &machine,
                                       Operation *where) {
  auto fail = [&](const Twine &what) {
    return where->emitError()
           << "cannot lower " << where->getName() << " to the cube: " << what;
  };
  if (npad > 4080)
    return fail("N = " + Twine(p.n) +
                " is too wide for L0C (N tiling is not supported yet)");
  int64_t l0a = machine.getBuffer(MemorySpace::L0A).size;
  int64_t l0b = machine.getBuffer(MemorySpace::L0B).size;
  int64_t l0c = machine.getBuffer(MemorySpace::L0C).size;
  int64_t ub = machine.getBuffer(MemorySpace::UB).size;
  int64_t l1 = machine.getBuffer(MemorySpace::L1).size;
  bool scales = !p.bConst && p.alpha != 1.0;
  bool matrixC = p.bias == BiasKind::Matrix;
  int64_t ubTiles =
      1 + (p.epilogue.empty() && !p.hasBias && !scales && !matrixC ? 0 : 1) +
      (int64_t)p.rows.size() + (matrixC ? 1 : 0) + (int64_t)p.tiles.size();
  // The cube bias keeps a ones column in L0A/L1 and one row in L0B/L1.
  int64_t biasB = p.cubeBias() ? n1 * 512 : 0;
  auto biasA = [&](int64_t rows) { return p.cubeBias() ? rows * 32 : 0; };
  // Rows per tile: enough tiles for the cores, but at least 32 rows to keep
  // the cube busy, at most 128, and everything must fit.
  int64_t cores = machine.cores;
  int64_t spread = roundUp((p.m + cores - 1) / cores, 16);
  mt = std::min(roundUp(p.m, 16), std::max<int64_t>(spread, 32));
  mt = std::min<int64_t>(mt, 128);
  auto fits = [&](int64_t rows) {
    return rows * npad * 4 <= l0c &&
           ubTiles * rows * npad * oes + rows * k0 * es + biasA(rows) + 512 +
                   64 <=
               ub &&
           rows * 512 / 16 * kg + 512 + biasA(rows) <= l0a &&
           rows / 16 * n1 <= 4095;
  };
  while (mt >= 16 && !fits(mt))
    mt -= 16;
  if (mt < 16)
    return fail("N = " + Twine(p.n) +
                " is too wide for one 16-row tile in "
                "L0C and the unified buffer");
  int64_t capacity =
      std::min({(l0b - biasB) / (n1 * 512),
                (l0a - 512 - biasA(mt)) / (mt / 16 * 512), 4095 / n1, 4095 / k0,
                (l1 - biasB - biasA(mt)) / (mt * k0 * es + n1 * 512)});
  // Transposing loads move whole 16 x 16 blocks, kg fractals: every step
  // but the last covers a multiple of kg, and buffers hold whole blocks.
  capacity = capacity / kg * kg;
  if (capacity < 1)
    return fail("N = " + Twine(p.n) +
                " is too wide for one K fractal of "
                "the right operand in L0B");
  k1s = std::min(k1, capacity);
  int64_t fullTiles = p.m / mt, batches = p.batches();
  if (flatOut)
    blocks = 1; // rows of the output overlap in their 32-byte blocks
  else if (batches == 1)
    blocks = std::max<int64_t>(1, std::min<int64_t>(cores, fullTiles));
  else
    blocks = std::max<int64_t>(
        1, std::min<int64_t>(cores, batches * std::max<int64_t>(fullTiles, 1)));
  return success();
}

SmallVector<double> CubeBuilder::packB() const {
  SmallVector<double> packed(k1 * n1 * fe, 0.0);
  for (int64_t kf = 0; kf < k1; ++kf) {
    bool tail = overlapTail && kf == k1 - 1;
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

std::pair<Value, Value> CubeBuilder::batchRows(Value bi) {
  // Without broadcasting, batch bi is simply the bi-th matrix.
  auto dense = [&](const MatrixOperand &op) {
    int64_t step = op.rows;
    for (int64_t d = (int64_t)p.batch.size() - 1; d >= 0; --d) {
      if (op.batchRows[d] != step)
        return false;
      step *= p.batch[d];
    }
    return true;
  };
  bool aDense = dense(p.a), bDense = !p.bConst && dense(p.bOp);
  Value aRow = aDense ? mul(bi, p.a.rows) : idx(0);
  Value bRow = bDense ? mul(bi, p.bOp.rows) : idx(0);
  if (aDense && (bDense || p.bConst))
    return {aRow, bRow};
  // Mixed radix over the batch dimensions without remainders: with
  // q_d = bi / (extents after d) and i_d = q_d - D_d * q_(d-1),
  // sum_d i_d * s_d = sum_d q_d * (s_d - D_(d+1) * s_(d+1)). The quotients
  // are shared by both operands.
  int64_t dims = p.batch.size(), after = 1;
  for (int64_t d = dims - 1; d >= 0; --d) {
    auto coefficient = [&](ArrayRef<int64_t> steps) {
      return steps[d] - (d + 1 < dims ? p.batch[d + 1] * steps[d + 1] : 0);
    };
    int64_t ca = aDense ? 0 : coefficient(p.a.batchRows);
    int64_t cb = bDense || p.bConst ? 0 : coefficient(p.bOp.batchRows);
    if (ca || cb) {
      Value q = div(bi, after);
      if (ca)
        aRow = add(aRow, mul(q, ca));
      if (cb)
        bRow = add(bRow, mul(q, cb));
    }
    after *= p.batch[d];
  }
  return {aRow, bRow};
}

void CubeBuilder::emitBody(func::FuncOp func) {
  Block *entry = &func.getBody().front();
  b.setInsertionPointToStart(entry);
  Type f32 = b.getF32Type();
  auto numel = [](Value v) {
    return cast<MemRefType>(v.getType()).getNumElements();
  };
  blockIdx = tile::BlockIdxOp::create(b, loc, b.getIndexType());
  Value aGm = entry->getArgument(aArg);
  aFlat = view(aGm, {numel(aGm)});
  // Rows that are whole blocks apart load many at a time, through views
  // that split rows into fractal rows (K0 values) or groups of 16.
  // A staged copy keeps the rows where they were (plus padding), so it
  // splits like the tensor.
  if (!p.a.kRows && !kRem && !overlapTail)
    aSplit = view(aGm, {p.a.numel / p.k, p.k / k0, k0});
  if (p.a.kRows && p.a.cols % 16 == 0)
    aSplit = view(aGm, {p.a.numel / p.a.cols, p.a.cols / 16, 16});
  bGm = entry->getArgument(bArg);
  if (!p.bConst) {
    bFlat = view(bGm, {numel(bGm)});
    if (!p.bOp.kRows && !kRem)
      bSplit = view(bGm, {p.bOp.numel / p.k, p.k / k0, k0});
    if (p.bOp.kRows && p.bOp.cols % 16 == 0)
      bSplit = view(bGm, {p.bOp.numel / p.bOp.cols, p.bOp.cols / 16, 16});
  }
  if (p.bias == BiasKind::Matrix || p.cubeBias()) {
    Value cGm = entry->getArgument(cArg);
    // A scalar's slot is one block: read the block.
    cFlat = view(cGm, {std::max<int64_t>(numel(cGm), k0)});
    if (p.bias == BiasKind::Matrix && p.n % 16 == 0)
      cSplit = view(cGm, {p.m, n1, 16});
  }
  for (unsigned arg : tileArgs) {
    Value gm = entry->getArgument(arg);
    matFlats.push_back(view(gm, {numel(gm)}));
    matSplits.push_back(p.n % 16 == 0 ? view(gm, {p.batches() * p.m, n1, 16})
                                      : Value());
  }
  int64_t outRows = p.batches() * p.m;
  Value outGm = entry->getArgument(outArg);
  outFlat =
      view(outGm, {flatOut ? roundUp(outRows * p.n, ok0) : outRows * p.n});
  if (p.n % 16 == 0)
    outSplit = view(outGm, {outRows, n1, 16});
  if (storeWorkspace)
    wGm = entry->getArgument(*storeArg);
  if (flatOut)
    flatOutGm = entry->getArgument(*flatOutArg);

  int64_t kBuf = roundUp(k1s, kg);
  int64_t l0aSize = mt * kBuf * k0 + (p.a.kRows ? fe : 0);
  l1a = alloc(mt * kBuf * k0, p.elem, MemorySpace::L1);
  l1b = alloc(kBuf * n1 * fe, p.elem, MemorySpace::L1);
  l0a = alloc(l0aSize, p.elem, MemorySpace::L0A);
  l0b = alloc(kBuf * n1 * fe, p.elem, MemorySpace::L0B);
  l0c = alloc(mt * npad, f32, MemorySpace::L0C);
  cub = alloc(mt * npad, p.outElem, MemorySpace::UB);
  bool scales = !p.bConst && p.alpha != 1.0;
  if (!p.epilogue.empty() || p.hasBias || scales || p.bias == BiasKind::Matrix)
    eub = alloc(mt * npad, p.outElem, MemorySpace::UB);
  for (unsigned arg : rowArgs) {
    Value tile = alloc(mt * npad, p.outElem, MemorySpace::UB);
    copy(entry->getArgument(arg), tile);
    rowTiles.push_back(tile);
  }
  if (storeWorkspace)
    scratch = alloc(ok0, p.outElem, MemorySpace::UB);
  zeros = alloc(fe, p.elem, MemorySpace::UB);
  tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), zeros);
  // Padding rows and columns that no load writes are still read as whole
  // fractals: zero the operand buffers once.
  bool raggedA = p.a.kRows ? p.k % 16 != 0 : p.m % 16 != 0;
  bool raggedB =
      p.bConst ? false : (p.bOp.kRows ? p.k % 16 != 0 : p.n % 16 != 0);
  if (raggedA)
    zeroL1(l1a);
  if (raggedB)
    zeroL1(l1b);
  // [M, N] operand tiles: rows of a ragged tile that no copy writes are
  // still read as whole fractals, so zero them once.
  auto matrixTile = [&] {
    Value tile = alloc(mt * npad, p.outElem, MemorySpace::UB);
    tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), tile);
    return tile;
  };
  if (p.bias == BiasKind::Matrix)
    cTile = matrixTile();
  for (size_t i = 0; i < tileArgs.size(); ++i)
    matTiles.push_back(matrixTile());
  if (p.cubeBias()) {
    // C broadcast over rows is one more product on the cube, ones[m, 1] x
    // C[1, N]: L0A holds a column of beta (over alpha when the result is
    // scaled later), and L0B's row 0 is C, one value per 32-byte block
    // (ZN fractals store [n0][k0]). The products then accumulate onto it.
    double scale = p.bConst ? p.beta : p.beta / p.alpha;
    Value ones = alloc(mt * k0, p.elem, MemorySpace::UB);
    tile::VDupOp::create(b, loc, b.getF64FloatAttr(scale), ones);
    Value l1Ones = alloc(mt * k0, p.elem, MemorySpace::L1);
    copy(ones, l1Ones);
    biasA = alloc(mt * k0, p.elem, MemorySpace::L0A);
    copy(l1Ones, biasA);
    Value l1Row = alloc(npad * k0, p.elem, MemorySpace::L1);
    if (npad != p.n)
      zeroL1(l1Row);
    int64_t step = p.bias == BiasKind::CubeRow ? 1 : 0;
    loop(idx(p.n), [&](Value j) {
      copy(sub(cFlat, {mul(j, step)}, {k0}), sub(l1Row, {mul(j, k0)}, {k0}));
    });
    biasB = alloc(npad * k0, p.elem, MemorySpace::L0B);
    copy(l1Row, biasB);
  }
  if (flatOut) {
    // Blocks the output rows never write but the final copy reads.
    int64_t last = outRows * p.n / ok0 * ok0;
    Value outZeros = alloc(ok0, p.outElem, MemorySpace::UB);
    tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), outZeros);
    copy(outZeros, sub(flatOutGm, {idx(last)}, {ok0}));
  }

  int64_t batches = p.batches(), fullTiles = p.m / mt, tail = p.m % mt;
  if (batches == 1) {
    // Full tiles t = b + j * B; the ragged tail runs once, on block F % B.
    if (fullTiles > 0) {
      Value count = buildDealtTileCount(b, loc, blockIdx, fullTiles, blocks);
      loop(count, [&](Value j) {
        Value t = add(mul(j, blocks), blockIdx);
        emitTile(Value(), mul(t, mt), mt);
      });
    }
    if (tail > 0) {
      Value count = buildOwnerTripCount(b, loc, blockIdx, fullTiles % blocks);
      loop(count, [&](Value) { emitTile(Value(), idx(fullTiles * mt), tail); });
    }
  } else if (blocks == 1) {
    // In order, so that rows written as whole blocks overwrite the spill of
    // the row before them.
    loop(idx(batches), [&](Value bi) {
      if (fullTiles > 0)
        loop(idx(fullTiles), [&](Value t) { emitTile(bi, mul(t, mt), mt); });
      if (tail > 0)
        emitTile(bi, idx(fullTiles * mt), tail);
    });
  } else {
    // (batch, tile) items dealt over the blocks, then the batches' tails.
    if (fullTiles > 0) {
      Value count =
          buildDealtTileCount(b, loc, blockIdx, batches * fullTiles, blocks);
      loop(count, [&](Value j) {
        Value item = add(mul(j, blocks), blockIdx);
        if (fullTiles == 1) {
          emitTile(item, idx(0), mt);
          return;
        }
        emitTile(Value(), Value(), mt, item);
      });
    }
    if (tail > 0) {
      Value count = buildDealtTileCount(b, loc, blockIdx, batches, blocks);
      loop(count, [&](Value j) {
        emitTile(add(mul(j, blocks), blockIdx), idx(fullTiles * mt), tail);
      });
    }
  }
  if (flatOut) {
    Value staged = view(flatOutGm, {roundUp(outRows * p.n, ok0)});
    buildFlatCopy(b, loc, staged, outFlat, outRows * p.n, cub);
  }
  func::ReturnOp::create(b, loc);
}

void CubeBuilder::emitTile(Value bi, Value mOff, int64_t m, Value item) {
  // Batch offsets, and with `item` (a (batch, full tile) pair) the batch
  // and the tile, are recomputed in each phase (a few scalar ops) rather
  // than kept in registers across the tile.
  auto where = [&]() -> std::pair<Value, Value> {
    if (!item)
      return {bi, mOff};
    int64_t fullTiles = p.m / mt;
    Value batch = div(item, fullTiles);
    Value t = arith::SubIOp::create(b, loc, item, mul(batch, fullTiles));
    return {batch, mul(t, mt)};
  };
  int64_t steps = (k1 + k1s - 1) / k1s;
  int64_t lastCount = k1 - (steps - 1) * k1s;
  bool acc = p.cubeBias();
  auto kStep = [&](Value kf0, int64_t kc, bool accumulate, bool last) {
    auto [batch, row] = where();
    auto [aRow, bRow] =
        batch ? batchRows(batch) : std::make_pair(idx(0), idx(0));
    emitKStep(aRow, bRow, row, m, kf0, kc, accumulate, last);
  };
  auto outRow = [&] {
    auto [batch, row] = where();
    return batch ? add(mul(batch, p.m), row) : row;
  };
  if (p.cubeBias())
    tile::MmadOp::create(b, loc, view(biasA, {m, 1}), view(biasB, {1, npad}),
                         view(l0c, {m, npad}));
  if (steps == 1) {
    scoped([&] { kStep(idx(0), lastCount, acc, true); });
  } else {
    scoped([&] { kStep(idx(0), k1s, acc, false); });
    if (steps > 2)
      loop(idx(steps - 2),
           [&](Value s) { kStep(mul(add(s, 1), k1s), k1s, true, false); });
    scoped([&] { kStep(idx((steps - 1) * k1s), lastCount, true, true); });
  }
  // [M, N] operands (C, epilogue tensors of the product's shape) hold the
  // output's rows in the output's order.
  if (p.bias == BiasKind::Matrix || !p.tiles.empty())
    scoped([&] {
      Value row = outRow();
      if (p.bias == BiasKind::Matrix)
        loadMatrix(cFlat, cSplit, row, m, cTile);
      for (auto [flat, split, tile] : llvm::zip(matFlats, matSplits, matTiles))
        loadMatrix(flat, split, row, m, tile);
    });
  // L0C holds [n1][mPad][16]; ub keeps the row stride of a full tile so the
  // broadcast rows line up for every tile.
  int64_t mPad = roundUp(m, 16);
  copy(view(l0c, {n1, mPad * 16}), view(cub, {n1, mPad * 16}, {mt * 16, 1}));
  Value result = emitEpilogue(m);
  if (!flatOut) {
    scoped([&] { emitStore(result, outRow(), m); });
    return;
  }
  // Rows shorter than a block: written in order into a workspace, each
  // block spilling into the rows after it, and copied out flat at the end.
  Value res3 = view(result, {n1, mt, 16});
  scoped([&] {
    Value first = outRow();
    loop(idx(m), [&](Value i) {
      copy(sub(res3, {idx(0), i, idx(0)}, {1, 1, 16}),
           expand(sub(flatOutGm, {mul(add(first, i), p.n)}, {16}), {1, 1, 16}));
    });
  });
}

void CubeBuilder::loadRows(Value flat, Value split, Value rowBase, int64_t cols,
                           int64_t rows, int64_t rowsPad, Value kf0, int64_t kc,
                           bool last, Value l1) {
  Value a3 = view(l1, {kc, rowsPad, k0}, {rowsPad * k0, k0, 1});
  if (split) {
    Value src = sub(split, {rowBase, kf0, idx(0)}, {rows, kc, k0});
    copy(swap01(src), sub(a3, {idx(0), idx(0), idx(0)}, {kc, rows, k0}));
    return;
  }
  // Rows are not whole blocks apart: one copy per row. With overlapTail the
  // last fractal of K reads the row's final K0 columns (see packB);
  // otherwise the row read runs past the row's end into a staged copy.
  bool tailFractal = last && overlapTail;
  int64_t full = tailFractal ? kc - 1 : kc;
  loop(idx(rows), [&](Value i) {
    Value rowStart = mul(add(rowBase, i), cols);
    if (full > 0)
      copy(expand(sub(flat, {add(rowStart, mul(kf0, k0))}, {full * k0}),
                  {full, 1, k0}),
           sub(a3, {idx(0), i, idx(0)}, {full, 1, k0}));
    if (tailFractal)
      copy(expand(sub(flat, {add(rowStart, cols - k0)}, {k0}), {1, 1, k0}),
           sub(a3, {idx(kc - 1), i, idx(0)}, {1, 1, k0}));
  });
}

void CubeBuilder::loadKRows(Value flat, Value split, Value rowBase,
                            Value colOff, int64_t cols, int64_t groups,
                            Value kStart, int64_t kRows, Value l1) {
  // L1 holds [groups][kRowsMax][16]: per group of 16 columns, the rows of K
  // in order, so 16 rows are one row-major 16 x 16 block.
  Value l13 = view(l1, {groups, kRowsMax(), 16});
  Value first = add(rowBase, kStart);
  if (split) {
    // One strided copy per group (kRows bursts of 16 values).
    Value src =
        sub(split, {first, div(colOff, 16), idx(0)}, {kRows, groups, 16});
    copy(swap01(src), sub(l13, {idx(0), idx(0), idx(0)}, {groups, kRows, 16}));
    return;
  }
  // One copy per stored row spreads it over the groups.
  loop(idx(kRows), [&](Value r) {
    copy(expand(
             sub(flat, {add(mul(add(first, r), cols), colOff)}, {groups * 16}),
             {groups, 1, 16}),
         sub(l13, {idx(0), r, idx(0)}, {groups, 1, 16}));
  });
}

/// Transposing loads of `groups` groups of 16 columns from `l1` (see
/// loadKRows) into fractals `stride` fractals apart in `l0`.
void CubeBuilder::loadTransposed(Value l1, int64_t groups, int64_t kb, Value l0,
                                 int64_t stride) {
  // A full step is one load: the groups' blocks, and their fractals in L0,
  // are then back to back.
  if (kb * 16 == kRowsMax() && stride * k0 == kb * 16) {
    tile::LoadTransposeOp::create(b, loc, view(l1, {groups * kb, 16, 16}),
                                  view(l0, {groups * kb, 16 / k0, 16, k0}));
    return;
  }
  for (int64_t g = 0; g < groups; ++g)
    tile::LoadTransposeOp::create(
        b, loc, view(l1, {kb, 16, 16}, {256, 16, 1}, g * kRowsMax() * 16),
        view(l0, {kb, 16 / k0, 16, k0}, {}, g * stride * fe));
}

void CubeBuilder::emitKStep(Value aRow, Value bRow, Value mOff, int64_t m,
                            Value kf0, int64_t kc, bool accumulate, bool last) {
  int64_t mPad = roundUp(m, 16), m1 = mPad / 16;
  // Rows of K this step covers, and the k the cube multiplies over: all of
  // kc fractals with the overlapping tail (packed B zeroes the rest).
  int64_t kRows = last ? p.k - (k1 - kc) * k0 : kc * k0;
  int64_t mmadK = overlapTail ? kc * k0 : kRows;
  int64_t kcs = roundUp(kc, kg), kb = kcs * k0 / 16;
  Value kStart = mul(kf0, k0);
  // gm -> L1 for both operands first, then L1 -> L0, then the cube.
  if (!p.a.kRows)
    loadRows(aFlat, aSplit, add(aRow, mOff), p.a.cols, m, mPad, kf0, kc, last,
             l1a);
  else
    loadKRows(aFlat, aSplit, aRow, mOff, p.a.cols, m1, kStart, kRows, l1a);
  if (p.bConst)
    copy(sub(bGm, {mul(kf0, n1 * fe)}, {kc * n1 * fe}),
         sub(l1b, {idx(0)}, {kc * n1 * fe}));
  else if (!p.bOp.kRows)
    loadRows(bFlat, bSplit, bRow, p.bOp.cols, p.n, npad, kf0, kc, last, l1b);
  else
    loadKRows(bFlat, bSplit, bRow, idx(0), p.bOp.cols, n1, kStart, kRows, l1b);

  // L0A in ZZ order: fractal (i1, j) at (i1 * kc + j).
  if (!p.a.kRows) {
    copy(view(l1a, {m1, kc, 16, k0}, {16 * k0, mPad * k0, k0, 1}),
         view(l0a, {m1, kc, 16, k0}));
  } else {
    // An odd fractal count (f32) writes one fractal into the next row
    // group, which its own load (issued later) rewrites.
    loadTransposed(l1a, m1, kb, l0a, kc);
  }
  if (p.bConst) {
    // Packed fractals are already in L0B order.
    copy(sub(l1b, {idx(0)}, {kc * n1 * fe}),
         sub(l0b, {idx(0)}, {kc * n1 * fe}));
    auto mmad =
        tile::MmadOp::create(b, loc, view(l0a, {m, mmadK}),
                             view(l0b, {mmadK, npad}), view(l0c, {m, npad}));
    if (accumulate)
      mmad.setAccumulate(true);
    return;
  }
  // Runtime B: L0B holds one column of 16 per kcs fractals ([n1][kcs]), and
  // the cube runs once per column into that column of L0C.
  if (!p.bOp.kRows)
    copy(view(l1b, {n1, kc, 16, k0}, {fe, npad * k0, k0, 1}),
         view(l0b, {n1, kc, 16, k0}, {kcs * fe, fe, k0, 1}));
  else
    loadTransposed(l1b, n1, kb, l0b, kcs);
  for (int64_t j = 0; j < n1; ++j) {
    auto mmad = tile::MmadOp::create(b, loc, view(l0a, {m, mmadK}),
                                     view(l0b, {mmadK, 16}, {}, j * kcs * fe),
                                     view(l0c, {m, 16}, {}, j * mPad * 16));
    if (accumulate)
      mmad.setAccumulate(true);
  }
}

void CubeBuilder::loadMatrix(Value flat, Value split, Value row0, int64_t m,
                             Value tile) {
  Value t3 = view(tile, {n1, mt, 16});
  Value zero = idx(0);
  if (split) {
    // One strided copy per fractal column: m rows of 16 values.
    copy(swap01(sub(split, {row0, zero, zero}, {m, n1, 16})),
         sub(t3, {zero, zero, zero}, {n1, m, 16}));
    return;
  }
  // Row by row, each read running into the next row (or the staged copy's
  // padding): the extra columns only reach padding columns of the result.
  loop(idx(m), [&](Value i) {
    copy(expand(sub(flat, {mul(add(row0, i), p.n)}, {n1 * 16}), {n1, 1, 16}),
         sub(t3, {zero, i, zero}, {n1, 1, 16}));
  });
}

Value CubeBuilder::emitEpilogue(int64_t m) {
  // Whole buffer, or one region per fractal column when the tile has fewer
  // (padded) rows than the buffer's row stride.
  int64_t mPad = roundUp(m, 16);
  SmallVector<std::pair<int64_t, int64_t>> regions;
  if (mPad == mt)
    regions.push_back({0, n1 * mt * 16});
  else
    for (int64_t j = 0; j < n1; ++j)
      regions.push_back({j * mt * 16, mPad * 16});
  auto region = [&](Value buffer, std::pair<int64_t, int64_t> r) {
    return sub(buffer, {idx(r.first)}, {r.second});
  };
  Value cur = cub, other = eub;
  if (!p.bConst && p.alpha != 1.0) {
    for (auto r : regions)
      tile::VMulsOp::create(b, loc, region(cur, r), b.getF64FloatAttr(p.alpha),
                            region(other, r));
    std::swap(cur, other);
  }
  if (p.bias == BiasKind::Matrix) {
    // C's rows of this tile are in cTile (see emitTile).
    for (auto r : regions) {
      if (p.beta != 1.0)
        tile::VMulsOp::create(b, loc, region(cTile, r),
                              b.getF64FloatAttr(p.beta), region(cTile, r));
      tile::VAddOp::create(b, loc, region(cur, r), region(cTile, r),
                           region(other, r));
    }
    std::swap(cur, other);
  }
  if (p.hasBias) {
    for (auto r : regions)
      tile::VAddOp::create(b, loc, region(cur, r), region(rowTiles[0], r),
                           region(other, r));
    std::swap(cur, other);
  }
  for (Operation *op : p.epilogue) {
    for (auto r : regions) {
      SmallVector<Operand> operands;
      for (auto [i, v] : llvm::enumerate(op->getOperands())) {
        auto it = p.rowOperands.find({op, (unsigned)i});
        auto mat = p.tileOperands.find({op, (unsigned)i});
        auto arg = dyn_cast<BlockArgument>(v);
        if (it != p.rowOperands.end())
          operands.push_back({region(rowTiles[it->second], r), std::nullopt});
        else if (mat != p.tileOperands.end())
          operands.push_back({region(matTiles[mat->second], r), std::nullopt});
        else if (arg && p.scalars[arg.getArgNumber()])
          operands.push_back({Value(), p.scalars[arg.getArgNumber()]});
        else
          operands.push_back({region(cur, r), std::nullopt});
      }
      TileEmitter e(b, op->getLoc(), r.second);
      // analyze() accepted every op, so emission cannot fail here.
      (void)emitElementwise(op, operands, region(other, r), e);
    }
    std::swap(cur, other);
  }
  return cur;
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
  int64_t blocksInRow = p.n * oes / 32, perFractal = 16 * oes / 32;
  int64_t fullFractals = blocksInRow / perFractal;
  int64_t extraBlocks = blocksInRow % perFractal;
  if (fullFractals > 0)
    rowCopy(last, rowStart, fullFractals);
  if (extraBlocks > 0)
    copy(sub(res3, {idx(fullFractals), last, zero}, {1, 1, extraBlocks * ok0}),
         expand(sub(outFlat, {add(rowStart, fullFractals * 16)},
                    {extraBlocks * ok0}),
                {1, 1, extraBlocks * ok0}));
  Value wRow = mul(blockIdx, npad);
  copy(sub(res3, {zero, last, zero}, {n1, 1, 16}),
       expand(sub(wGm, {wRow}, {npad}), {n1, 1, 16}));
  copy(sub(wGm, {add(wRow, p.n - ok0)}, {ok0}), scratch);
  copy(scratch, sub(outFlat, {add(rowStart, p.n - ok0)}, {ok0}));
}

FailureOr<CubeKernel> ascend::buildCubeKernel(
    nn::KernelOp kernel, ArrayRef<std::optional<double>> scalars,
    const MachineModel &machine, bool mixed, OpBuilder &builder) {
  FailureOr<CubeProblem> problem = analyze(kernel, scalars, mixed);
  if (failed(problem))
    return failure();
  Operation *cube = &kernel.getBody().front().front();
  CubeProblem &p = *problem;
  CubeBuilder cb(p, builder, kernel.getLoc());
  if (failed(cb.chooseTiles(machine, cube)))
    return failure();
  MLIRContext *ctx = builder.getContext();
  auto gm = tile::MemorySpaceAttr::get(ctx, MemorySpace::GM);
  auto gmType = [&](ArrayRef<int64_t> shape, Type elem) {
    return MemRefType::get(shape, elem, MemRefLayoutAttrInterface(), gm);
  };
  auto constant = [&](ArrayRef<double> values, StringRef name, Type elem) {
    CubeKernelArg arg;
    arg.kind = CubeKernelArg::Kind::Constant;
    arg.type = gmType({(int64_t)values.size()}, elem);
    arg.data = nn::makeWeightAttr(
        RankedTensorType::get({(int64_t)values.size()}, elem), values, name);
    return arg;
  };
  auto workspace = [&](int64_t elements, Type elem) {
    CubeKernelArg w;
    w.kind = CubeKernelArg::Kind::Workspace;
    w.type = gmType({elements}, elem);
    return w;
  };

  CubeKernel result;
  std::string name = kernel.getSymName().str();
  // A runtime operand: the input itself, or a staged copy of it.
  auto operand = [&](const MatrixOperand &op, StringRef suffix) {
    auto tensor =
        cast<RankedTensorType>(kernel.getInputs()[op.input].getType());
    MemRefType inputType = gmType(tensor.getShape(), tensor.getElementType());
    unsigned index = result.args.size();
    if (!op.staged) {
      CubeKernelArg in;
      in.input = op.input;
      in.type = inputType;
      result.args.push_back(in);
      return index;
    }
    Type elem = op.convert ? p.elem : tensor.getElementType();
    int64_t data = roundUp(tensor.getNumElements(), 16);
    result.args.push_back(workspace(data + kStagePadding, elem));
    OpBuilder::InsertionGuard guard(builder);
    CubePrelude stage;
    stage.func = buildStageKernel(builder, kernel.getLoc(),
                                  name + "_stage_" + suffix.str(), inputType,
                                  result.args.back().type, machine.cores);
    stage.input = op.input;
    stage.arg = index;
    result.prelude.push_back(stage);
    return index;
  };
  cb.aArg = operand(p.a, "a");
  if (p.bConst) {
    cb.bArg = result.args.size();
    result.args.push_back(constant(cb.packB(), name + "_weights_zn", p.elem));
  } else {
    cb.bArg = operand(p.bOp, "b");
  }
  if (p.bias == BiasKind::Matrix || p.cubeBias())
    cb.cArg = operand(p.c, "c");
  for (auto [i, t] : llvm::enumerate(p.tiles))
    cb.tileArgs.push_back(operand(t, "t" + std::to_string(i)));
  for (auto [i, row] : llvm::enumerate(p.rows)) {
    cb.rowArgs.push_back(result.args.size());
    result.args.push_back(constant(
        cb.broadcastRow(row), name + "_row" + std::to_string(i), p.outElem));
  }
  if (cb.storeWorkspace) {
    cb.storeArg = result.args.size();
    result.args.push_back(workspace(cb.blocks * cb.npad, p.outElem));
  }
  int64_t outElements = p.batches() * p.m * p.n;
  if (cb.flatOut) {
    cb.flatOutArg = result.args.size();
    result.args.push_back(
        workspace(roundUp(outElements, cb.ok0) + 16, p.outElem));
  }

  SmallVector<Type> argTypes;
  for (const CubeKernelArg &arg : result.args)
    argTypes.push_back(arg.type);
  cb.outArg = argTypes.size();
  argTypes.push_back(
      gmType(cast<RankedTensorType>(cube->getResult(0).getType()).getShape(),
             p.outElem));
  auto func = func::FuncOp::create(builder, kernel.getLoc(), name,
                                   builder.getFunctionType(argTypes, {}));
  func.setPrivate();
  func->setAttr("tile.kernel", builder.getUnitAttr());
  func->setAttr("tile.block_dim", builder.getI32IntegerAttr(cb.blocks));
  func.addEntryBlock();
  OpBuilder::InsertionGuard guard(builder);
  cb.emitBody(func);
  // The builder repeats index arithmetic and views per use; isa emission
  // gives every value its own register until its loop ends, so share them.
  IRRewriter rewriter(builder.getContext());
  DominanceInfo dominance(func);
  eliminateCommonSubExpressions(rewriter, dominance, func);
  result.func = func;
  return result;
}
