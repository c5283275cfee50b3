//===- CubeKernel.cpp - Tile kernels for matmul/gemm nn.kernels -----------===//
//
// C[M, N] = A[M, K] x B[K, N] (+ bias, + elementwise epilogue) on the cube,
// with es the element size, K0 = 32 / es and N padded to Np = 16 * n1:
//
// - A constant B is packed on the host into the exact L0B order: K0 x 16
//   "ZN" fractals (stored [n0][k0]), N tile after N tile: fractal rows over
//   K, the tile's fractal columns, zero padded. When K % K0 != 0 (and K >= K0)
//   the last K fractal covers columns [K - K0, K) (so that row reads of A never
//   run past a row), with B rows already covered by the previous fractal
//   zeroed.
// - Runtime operands stay row-major in gm. Those with K along their rows (A,
//   B^T) are copied into fractal columns [kc][rows][K0] and gathered by
//   load2d (ZZ for L0A; one group of 16 columns after the other for L0B);
//   those stored [K][O] (A^T, B) are copied into row-major 16 x 16 blocks
//   and transposed on the way to L0 (tile.load_transpose). Rows that are
//   whole 32-byte blocks apart load as strided copies; others one copy per
//   row, reading past the row end in a staged, zero-padded copy made by a
//   stage kernel launched first (StageKernel.h), which in mixed precision
//   also converts f32 to f16. In mixed precision an A with whole-fractal
//   rows (K % 16 == 0) is instead converted in the kernel when the cost
//   model finds that cheaper: each K step's rows go gm -> ub as f32
//   [kc][rows][16], vconv, ub -> L1. A runtime B is multiplied one group of
//   16 columns at a time.
// - Tiles of mt rows by nt columns, chosen by a cost model from the machine
//   model (chooseTiles), of each batch are dealt over the blocks, one family
//   of tiles of one static shape (full or ragged in M and N) after the
//   other, with a fence between families. K is consumed in steps of k1s
//   fractals, the first mmad initializing L0C and the others accumulating;
//   steps alternate between two operand buffer sets when both fit. A
//   runtime C broadcast over rows is a first K = 1 product (a column of
//   beta by a row holding C).
// - L0C (NZ: [n1][mPad][16]) goes to ub as [n1][mt][16]; alpha, an [M, N]
//   C, the bias and epilogue run there with vector ops; constant rows (bias,
//   epilogue operands) are pre-broadcast on the host into that layout and
//   copied to ub once; [M, N] operands (C, epilogue tensors such as a
//   residual) are copied per tile from gm into that layout.
// - Output rows go back to row-major gm: N % 16 == 0 as one strided copy per
//   fractal column; otherwise one copy per row, each row's whole-fractal
//   write running into the next row (which rewrites it), and the last row of
//   a tile (every row of a ragged last N tile) finished through a gm
//   workspace row so no write crosses the end of the tile. Rows shorter than a
//   block (N < K0) are assembled in a gm workspace by one block and copied out
//   flat. In mixed precision a result that is a later product's A may also
//   leave as f16 (vconv), in the A stage kernel's layout, as a second output.
//
//===----------------------------------------------------------------------===//

#include "CubeKernel.h"

#include "BlockSplit.h"
#include "ElementwiseOps.h"
#include "StageKernel.h"
#include "TileBuilder.h"
#include "UnitLoop.h"

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

std::optional<unsigned> ascend::getCubeF16Input(nn::KernelOp kernel,
                                                bool mixed) {
  Operation *cube = &kernel.getBody().front().front();
  auto gemm = dyn_cast<nn::GemmOp>(cube);
  if (!mixed || !isa<nn::MatMulOp, nn::GemmOp>(cube) ||
      (gemm && gemm.getTransA()) ||
      !getElementTypeOrSelf(cube->getResult(0).getType()).isF32())
    return std::nullopt;
  auto a = dyn_cast<BlockArgument>(cube->getOperand(0));
  if (!a)
    return std::nullopt;
  return a.getArgNumber();
}

MemRefType ascend::getCubeStageType(RankedTensorType tensor, Type elem) {
  int64_t data = roundUp(tensor.getNumElements(), 16);
  return MemRefType::get(
      {data + kStagePadding}, elem, MemRefLayoutAttrInterface(),
      tile::MemorySpaceAttr::get(elem.getContext(), MemorySpace::GM));
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
  FailureOr<SmallVector<Operation *>> epilogue = walkEpilogue(
      kernel, scalars, "a cube kernel",
      [&](Operation *op, unsigned i, Value operand) -> LogicalResult {
        if (auto row = getRow(kernel, operand, p.n)) {
          p.rowOperands[{op, i}] = p.rows.size();
          p.rows.push_back(std::move(*row));
          return success();
        }
        // A tensor of the product's shape (a residual): its rows are copied
        // into ub per tile, in the epilogue's (the result's) element type.
        auto arg = dyn_cast<BlockArgument>(operand);
        if (arg && operand.getType() == resultType) {
          MatrixOperand t;
          t.input = arg.getArgNumber();
          t.rows = p.m;
          t.cols = p.n;
          t.numel = resultType.getNumElements();
          p.tileOperands[{op, i}] = p.tiles.size();
          p.tiles.push_back(t);
          return success();
        }
        return op->emitError()
               << "cannot lower " << op->getName()
               << " in a cube kernel epilogue: operand #" << i
               << " must be a splat, a constant row of N values or a tensor "
                  "of the product's shape";
      });
  if (failed(epilogue))
    return failure();
  p.epilogue = std::move(*epilogue);
  return p;
}

/// Values of a runtime C row moved through ub at a time.
static constexpr int64_t kBiasChunk = 256;

namespace {
/// The columns of one N tile (a static shape): `cols` output columns,
/// padded to `pad` = 16 * `c1`.
struct NTile {
  int64_t cols = 0, pad = 0, c1 = 0;
};

/// Tiles of one static shape (m rows, n's columns), dealt to the blocks as
/// one family: the (batch, M tile, N tile) units with M tiles starting at
/// row mBase + i * mt (i < mCount), N tiles at column nBase + j * nt.
struct TileFamily {
  int64_t m = 0, mCount = 0, mBase = 0;
  NTile n;
  int64_t nCount = 0, nBase = 0;
};

/// Builds the kernel body; one instance per kernel.
class CubeBuilder : public TileBuilder {
public:
  CubeBuilder(CubeProblem &p, OpBuilder &builder, Location loc)
      : TileBuilder(builder, loc), p(p) {
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

  /// Picks the tiles with the fewest estimated cycles, which it returns;
  /// with `convert`, for a kernel converting A itself (see convertA).
  /// Errors go to `where`, if given.
  FailureOr<double> chooseTiles(const MachineModel &machine, Operation *where,
                                bool convert = false);
  /// Whether A may be converted in the kernel (mixed precision, rows of
  /// whole f16 fractals).
  bool canConvertA() const {
    return p.a.convert && !p.a.kRows && p.k % 16 == 0;
  }
  /// The N tile starting at column `nOff`.
  NTile tileCols(int64_t nOff) const {
    int64_t cols = std::min(nt, p.n - nOff), pad = roundUp(cols, 16);
    return {cols, pad, pad / 16};
  }
  int64_t nTiles() const { return ceilDiv(p.n, nt); }
  SmallVector<double> packB() const;
  SmallVector<double> broadcastRow(ArrayRef<double> row) const;
  void emitBody(func::FuncOp func);

  CubeProblem &p;
  /// Cube operand element size, K0 and values per fractal; result element
  /// size and values per block.
  int64_t es, k0, fe, oes, ok0, npad, n1, k1, kRem, kg;
  /// Rows and columns of a full tile, fractals per K step, operand buffer
  /// sets (2: double buffered K steps), blocks.
  int64_t mt = 0, nt = 0, k1s = 0, sets = 1, blocks = 1;
  bool overlapTail, flatOut, storeWorkspace;
  /// A is the f32 input, converted per K step on its way to L1 (then not
  /// staged).
  bool convertA = false;
  /// The kernel also writes its result staged as f16 (after the result).
  bool f16Out = false;
  /// Kernel function arguments (set by buildCubeKernel).
  unsigned aArg = 0, bArg = 0, cArg = 0, outArg = 0;
  SmallVector<unsigned> rowArgs, tileArgs;
  std::optional<unsigned> storeArg, flatOutArg;

private:
  /// Fills an l1 buffer with zeros, one fractal per copy.
  void zeroL1(Value buffer) {
    int64_t size = cast<MemRefType>(buffer.getType()).getNumElements();
    loop(idx(size / fe),
         [&](Value j) { copy(zeros, sub(buffer, {mul(j, fe)}, {fe})); });
  }
  /// Stored-row offsets of batch `bi` in A and B.
  std::pair<Value, Value> batchRows(Value bi);

  void emitTile(const TileFamily &f, Value unit);
  /// Orders the pipes between two tile families (see emitFence).
  void emitFence();
  void emitKStep(Value aRow, Value bRow, Value mOff, int64_t m, Value nOff,
                 const NTile &n, Value kf0, int64_t kc, bool accumulate,
                 bool last, int64_t set);
  void loadRows(Value flat, Value split, Value rowBase, int64_t cols,
                int64_t rows, int64_t rowsPad, Value kf0, int64_t kc, bool last,
                Value l1);
  /// convertA: rows [rowBase, rowBase + rows) of A, K fractals [kf0, kf0 +
  /// kc), into `l1` as [kc][rowsPad][16] f16.
  void convertRows(Value rowBase, int64_t rows, int64_t rowsPad, Value kf0,
                   int64_t kc, int64_t set, Value l1);
  void loadKRows(Value flat, Value split, Value rowBase, Value colOff,
                 int64_t cols, int64_t groups, Value kStart, int64_t kRows,
                 Value l1);
  void loadTransposed(Value l1, int64_t groups, int64_t kb, Value l0,
                      int64_t stride);
  /// Rows of K an operand buffer holds.
  int64_t kRowsMax() const { return roundUp(k1s, kg) * k0; }
  /// Rows [row0, row0 + m), columns of N tile `n` from `nOff`, of an
  /// [rows, N] gm operand (`split`: seen as [rows][n1][16] when N % 16 == 0)
  /// into the ub tile `tile`, in the layout of the result ([c1][mt][16]).
  void loadMatrix(Value flat, Value split, Value row0, int64_t m, Value nOff,
                  const NTile &n, Value tile);
  Value emitEpilogue(int64_t m, const NTile &n);
  void emitStore(Value result, Value mOff, int64_t m, Value nOff,
                 const NTile &n);
  /// f16Out: the tile's f16 copy (`f16Tile`, converted from the result)
  /// into the staged output, like emitStore's whole-fractal rows.
  void emitF16Store(Value mOff, int64_t m, Value nOff, const NTile &n);

  // Arguments and buffers.
  Value aFlat, aSplit, bGm, bFlat, bSplit, cFlat, cSplit, wGm, outFlat,
      outSplit, flatOutGm, blockIdx;
  SmallVector<Value> rowGms, rowTiles;
  /// Per epilogue operand of the product's shape: gm views and ub tile.
  SmallVector<Value> matFlats, matSplits, matTiles;
  /// Operand buffers, one per buffer set.
  SmallVector<Value, 2> l1a, l1b, l0a, l0b;
  Value l0c, cub, eub, scratch, zeros, cTile, biasA, biasB, l1Row;
  /// convertA: a K step's A rows in ub, f32 and f16, per buffer set.
  SmallVector<Value, 2> wideA, narrowA;
  /// f16Out: the staged output seen as [rows][n1][16] and the ub tile.
  Value f16Split, f16Tile;
  struct {
    Value l1, l0a, l0b, l0c, ub;
  } fence;
};
} // namespace

FailureOr<double> CubeBuilder::chooseTiles(const MachineModel &machine,
                                           Operation *where, bool convert) {
  // Less what the fence between tile families needs (see emitFence).
  int64_t l0aSize = machine.getBuffer(MemorySpace::L0A).size - 512;
  int64_t l0bSize = machine.getBuffer(MemorySpace::L0B).size - 512;
  int64_t l0cSize = machine.getBuffer(MemorySpace::L0C).size - 1024;
  int64_t ubSize = machine.getBuffer(MemorySpace::UB).size - 256 * es;
  int64_t l1Size = machine.getBuffer(MemorySpace::L1).size - 512;
  bool scales = !p.bConst && p.alpha != 1.0;
  bool matrixC = p.bias == BiasKind::Matrix;
  int64_t ubTiles =
      1 + (p.epilogue.empty() && !p.hasBias && !scales && !matrixC ? 0 : 1) +
      (int64_t)p.rows.size() + (matrixC ? 1 : 0) + (int64_t)p.tiles.size();
  // The cube bias keeps a ones column in L0A/L1, C's row in L1 and the N
  // tile's part of it in L0B.
  int64_t biasL1 = p.cubeBias() ? n1 * 512 : 0;
  auto biasA = [&](int64_t rows) { return p.cubeBias() ? rows * 32 : 0; };
  // A runtime C row passes through ub in chunks, one block per value.
  int64_t biasUb = p.bias == BiasKind::CubeRow ? kBiasChunk * (es + 32) : 0;
  auto bandwidth = [&](MemorySpace s, MemorySpace d) {
    const DataPathSpec *path = machine.findPath(s, d);
    return path ? path->bytesPerCycle : 1.0;
  };
  const DataPathSpec *gmPath =
      machine.findPath(MemorySpace::GM, MemorySpace::L1);
  double gmSetup = gmPath ? gmPath->setupCycles : 0.0;
  double l1ToL0 = bandwidth(MemorySpace::L1, MemorySpace::L0A);
  double l0cToUb = bandwidth(MemorySpace::L0C, MemorySpace::UB);
  double ubToL1 = bandwidth(MemorySpace::UB, MemorySpace::L1);
  const DataPathSpec *ubPath =
      machine.findPath(MemorySpace::UB, MemorySpace::L1);
  double ubToL1Setup = ubPath ? ubPath->setupCycles : 0.0;
  double cubeCycles = es == 4 ? machine.cube.f32CyclesPerFractal
                              : machine.cube.f16CyclesPerFractal;
  int64_t batches = p.batches();
  bool aByRow = p.a.kRows ? p.a.cols % 16 != 0 : kRem || overlapTail;
  bool bByRow = !p.bConst && (p.bOp.kRows ? p.bOp.cols % 16 != 0 : kRem != 0);

  // Every (mt, nt) that fits, with the largest K step that fits, one or two
  // operand buffer sets; the fewest estimated cycles wins.
  // The buffer the smallest tiling (the first tried) overflows, for the
  // error.
  StringRef overflow;
  auto overflows = [&](StringRef buffer) {
    if (overflow.empty())
      overflow = buffer;
  };
  double best = std::numeric_limits<double>::infinity();
  for (int64_t rows = 16; rows <= roundUp(p.m, 16); rows += 16) {
    int64_t m1 = rows / 16;
    if (rows * 512 / 16 * kg + 512 + biasA(rows) > l0aSize) {
      overflows("L0A");
      break;
    }
    for (int64_t c1 = 1; c1 <= n1; ++c1) {
      int64_t cols = c1 * 16, nFull = p.n / cols, nRem = p.n % cols;
      int64_t nTiles = nFull + (nRem ? 1 : 0);
      // Rows shorter than a block are written by one block in order.
      if (flatOut && nTiles > 1)
        continue;
      // A ragged last N tile writes its rows' final block through a
      // workspace row, which must not reach into the previous tile.
      if (nTiles > 1 && nRem && nRem < ok0)
        continue;
      if (rows * cols * 4 > l0cSize) {
        overflows("L0C");
        break;
      }
      // f16Out: the tile's f16 copy.
      int64_t ubTileBytes = rows * cols * (ubTiles * oes + (f16Out ? es : 0));
      if (ubTileBytes + rows * k0 * es + biasA(rows) + biasUb + 512 + 64 >
          ubSize) {
        overflows("the unified buffer");
        break;
      }
      if (m1 * c1 > 4095)
        break;
      int64_t biasB = p.cubeBias() ? c1 * 512 : 0;
      int64_t units = batches * ceilDiv(p.m, rows) * nTiles;
      int64_t blk = flatOut ? 1 : std::min<int64_t>(machine.cores, units);
      double gmBw = std::min(bandwidth(MemorySpace::GM, MemorySpace::L1),
                             machine.hbmBytesPerCycle / blk);
      for (int64_t buffers = 2; buffers >= 1; --buffers) {
        // K fractals per step that each buffer holds. Transposing loads
        // move whole 16 x 16 blocks, kg fractals: every step but the last
        // covers a multiple of kg.
        // Converting: the step's A rows in ub as f32 and f16 (6 bytes per
        // value).
        int64_t ubFree = ubSize - (ubTileBytes + rows * k0 * es + biasA(rows) +
                                   biasUb + 576);
        std::pair<int64_t, const char *> limits[] = {
            {convert ? ubFree / (buffers * rows * 16 * 6)
                     : std::numeric_limits<int64_t>::max(),
             "the unified buffer"},
            {(l0bSize - biasB) / (buffers * c1 * 512), "L0B"},
            {(l0aSize - buffers * 512 - biasA(rows)) / (buffers * m1 * 512),
             "L0A"},
            {(l1Size - biasL1 - biasA(rows)) /
                 (buffers * (rows * k0 * es + c1 * 512)),
             "L1"},
            {std::min(4095 / c1, 4095 / k0), "L0B"}};
        auto tightest = *llvm::min_element(
            limits, [](auto x, auto y) { return x.first < y.first; });
        int64_t capacity = tightest.first / kg * kg;
        if (capacity < 1) {
          overflows(tightest.second);
          continue;
        }
        int64_t ks = std::min(k1, capacity), steps = ceilDiv(k1, ks);
        if (buffers == 2 && steps == 1)
          continue;
        // Per K step: operand copies (MTE2), loads (MTE1) and mmads. The
        // next step's copies overlap this step's mmads; with two buffer
        // sets its loads do too, otherwise they wait for the mmads.
        // Operands whose rows are not whole blocks apart are copied one row
        // at a time, each copy waiting for the previous one (a barrier).
        int64_t rowCopies = (aByRow ? (p.a.kRows ? ks * k0 : rows) : 0) +
                            (bByRow ? (p.bOp.kRows ? ks * k0 : cols) : 0);
        double copies =
            (rows * ks * k0 * es + ks * c1 * 512) / gmBw + rowCopies * gmSetup;
        // Converting reads A as f32 into ub, then vconv (64 values per
        // repeat) and ub -> L1: a chain through three pipes per step,
        // counted as not overlapping the cube (A's f16 bytes in `copies`
        // stand for the ub -> L1 copy's share of the operand moves).
        double convertChain =
            convert ? gmSetup + rows * ks * 16 * 4 / gmBw +
                          rows * ks * 16 / 64.0 + machine.vector.latency +
                          ubToL1Setup + rows * ks * 32 / ubToL1
                    : 0.0;
        double loads = (m1 * ks + ks * c1) * 512 / l1ToL0;
        double cube = m1 * ks * c1 * cubeCycles;
        double step = buffers == 2 ? std::max({cube, copies, loads}) + 8
                                   : std::max(cube, copies) + loads;
        // Rows that are not whole fractals are stored one copy each (three
        // per row in a ragged last N tile).
        double rowStores =
            p.n % 16 ? rows * (nTiles > 1 ? 3 : 1) * gmSetup : 0.0;
        double unit =
            copies + gmSetup + loads + steps * (step + convertChain) +
            machine.cube.latency + c1 * m1 * 1024 / l0cToUb +
            (1 + p.tiles.size() + (matrixC ? 1 : 0)) * (rows * cols * oes) /
                gmBw +
            (f16Out ? rows * cols * (es / gmBw + 1 / 64.0) + gmSetup : 0.0) +
            2 * gmSetup + rowStores;
        // Tile families of other shapes are separated by fences.
        int64_t families = ((p.m / rows ? 1 : 0) + (p.m % rows ? 1 : 0)) *
                           ((nFull ? 1 : 0) + (nRem ? 1 : 0));
        double total = ceilDiv(units, blk) * unit + (families - 1) * 300.0;
        if (total < best) {
          best = total;
          mt = rows;
          nt = cols;
          k1s = ks;
          sets = buffers;
          blocks = blk;
        }
      }
    }
  }
  if (!mt) {
    if (!where)
      return failure();
    return where->emitError()
           << "cannot lower " << where->getName()
           << " to the cube: no tiling fits "
           << (overflow.empty() ? StringRef("the buffers") : overflow)
           << " (even 16 rows, 16 columns and one K fractal overflow it)";
  }
  convertA = convert;
  return best;
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
      for (int64_t col = 0; col < p.n; ++col) {
        // N tile j holds its K fractals of c1 columns each, from column
        // j * nt on: k1 * nt * k0 values per full tile before it.
        int64_t j = col / nt, c = col - j * nt;
        int64_t c1 = tileCols(j * nt).c1;
        packed[j * nt * k1 * k0 + ((kf * c1 + c / 16) * 16 + c % 16) * k0 +
               kk] = p.bAt(row, col);
      }
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
  if (convertA) {
    // The f32 rows as groups of 16 values (two blocks).
    aSplit = view(aGm, {p.a.numel / p.k, p.k / 16, 16});
    for (int64_t s = 0; s < sets; ++s) {
      wideA.push_back(alloc(mt * k1s * 16, f32, MemorySpace::UB));
      narrowA.push_back(alloc(mt * k1s * 16, p.elem, MemorySpace::UB));
    }
  } else if (!p.a.kRows && !kRem && !overlapTail) {
    aSplit = view(aGm, {p.a.numel / p.k, p.k / k0, k0});
  }
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
  if (f16Out) {
    Value f16Gm = entry->getArgument(outArg + 1);
    f16Split = view(f16Gm, {outRows, n1, 16});
    f16Tile = alloc(mt * nt, p.elem, MemorySpace::UB);
    // Block 0 zeroes the padding after the rows (one block).
    Value pad = alloc(kStagePadding, p.elem, MemorySpace::UB);
    tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), pad);
    loop(buildOwnerTripCount(b, loc, blockIdx, 0), [&](Value) {
      copy(pad, sub(view(f16Gm, {numel(f16Gm)}), {idx(outRows * p.n)},
                    {kStagePadding}));
    });
  }
  if (storeWorkspace)
    wGm = entry->getArgument(*storeArg);
  if (flatOut)
    flatOutGm = entry->getArgument(*flatOutArg);

  int64_t kBuf = roundUp(k1s, kg);
  int64_t l0aSize = mt * kBuf * k0 + (p.a.kRows ? fe : 0);
  int64_t nt1 = nt / 16;
  for (int64_t s = 0; s < sets; ++s) {
    // A set's two operands share one l1 buffer: sync insertion then
    // orders its reuse with one flag (event ids are few).
    int64_t aSize = mt * kBuf * k0, bSize = kBuf * nt1 * fe;
    Value l1 = alloc(aSize + bSize, p.elem, MemorySpace::L1);
    l1a.push_back(view(l1, {aSize}));
    l1b.push_back(view(l1, {bSize}, {1}, aSize));
    l0a.push_back(alloc(l0aSize, p.elem, MemorySpace::L0A));
    l0b.push_back(alloc(kBuf * nt1 * fe, p.elem, MemorySpace::L0B));
  }
  l0c = alloc(mt * nt, f32, MemorySpace::L0C);
  cub = alloc(mt * nt, p.outElem, MemorySpace::UB);
  bool scales = !p.bConst && p.alpha != 1.0;
  if (!p.epilogue.empty() || p.hasBias || scales || p.bias == BiasKind::Matrix)
    eub = alloc(mt * nt, p.outElem, MemorySpace::UB);
  // Constant rows reach ub once, or per tile its N tile's part (emitTile).
  for (unsigned arg : rowArgs) {
    Value tile = alloc(mt * nt, p.outElem, MemorySpace::UB);
    rowGms.push_back(entry->getArgument(arg));
    if (nTiles() == 1)
      copy(rowGms.back(), tile);
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
  for (int64_t s = 0; s < sets; ++s) {
    if (raggedA)
      zeroL1(l1a[s]);
    if (raggedB)
      zeroL1(l1b[s]);
  }
  // [M, N] operand tiles: rows of a ragged tile that no copy writes are
  // still read as whole fractals, so zero them once.
  auto matrixTile = [&] {
    Value tile = alloc(mt * nt, p.outElem, MemorySpace::UB);
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
    l1Row = alloc(npad * k0, p.elem, MemorySpace::L1);
    if (p.bias == BiasKind::CubeRow) {
      // C's values, chunk by chunk from its staged (zero-padded) copy into
      // ub, one block each (vbrcb), then on to L1.
      int64_t chunk = std::min<int64_t>(npad, kBiasChunk);
      Value values = alloc(chunk, p.elem, MemorySpace::UB);
      Value blocks = alloc(chunk * k0, p.elem, MemorySpace::UB);
      auto move = [&](Value first, int64_t size) {
        copy(sub(cFlat, {first}, {size}), view(values, {size}));
        tile::VBrcbOp::create(b, loc, view(values, {size}),
                              view(blocks, {size, k0}));
        copy(view(blocks, {size * k0}),
             sub(l1Row, {mul(first, k0)}, {size * k0}));
      };
      loop(idx(npad / chunk), [&](Value c) { move(mul(c, chunk), chunk); });
      if (npad % chunk)
        scoped([&] { move(idx(npad / chunk * chunk), npad % chunk); });
    } else {
      // One value: one block copy per column.
      if (npad != p.n)
        zeroL1(l1Row);
      loop(idx(p.n), [&](Value j) {
        copy(sub(cFlat, {idx(0)}, {k0}), sub(l1Row, {mul(j, k0)}, {k0}));
      });
    }
    // With several N tiles, each tile loads its part (emitTile).
    biasB = alloc(nt * k0, p.elem, MemorySpace::L0B);
    if (nTiles() == 1)
      copy(l1Row, biasB);
  }
  if (flatOut) {
    // Blocks the output rows never write but the final copy reads.
    int64_t last = outRows * p.n / ok0 * ok0;
    Value outZeros = alloc(ok0, p.outElem, MemorySpace::UB);
    tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), outZeros);
    copy(outZeros, sub(flatOutGm, {idx(last)}, {ok0}));
  }

  // Families of tiles of one static shape: full and ragged M tiles times
  // full and ragged N tiles.
  int64_t batches = p.batches(), fullM = p.m / mt, fullN = p.n / nt;
  SmallVector<TileFamily> families;
  for (auto [m, mCount, mBase] :
       {std::make_tuple(mt, fullM, int64_t(0)),
        std::make_tuple(p.m % mt, int64_t(p.m % mt ? 1 : 0), fullM * mt)})
    for (auto [nCount, nBase] :
         {std::make_pair(fullN, int64_t(0)),
          std::make_pair(int64_t(p.n % nt ? 1 : 0), fullN * nt)})
      if (mCount && nCount)
        families.push_back({m, mCount, mBase, tileCols(nBase), nCount, nBase});
  if (flatOut) {
    // In order on one block, so that rows written as whole blocks overwrite
    // the spill of the row before them.
    loop(idx(batches), [&](Value bi) {
      for (const TileFamily &f : families)
        loop(idx(f.mCount),
             [&](Value i) { emitTile(f, add(mul(bi, f.mCount), i)); });
    });
    Value staged = view(flatOutGm, {roundUp(outRows * p.n, ok0)});
    buildFlatCopy(b, loc, staged, outFlat, outRows * p.n, cub);
  } else {
    // Each family dealt round robin, starting where the previous one ended.
    int64_t first = 0;
    for (const TileFamily &f : families) {
      if (first)
        emitFence();
      first = buildDealtUnitLoop(b, loc, blockIdx,
                                 batches * f.mCount * f.nCount, blocks, first,
                                 [&](Value unit) { emitTile(f, unit); });
    }
  }
  func::ReturnOp::create(b, loc);
}

void CubeBuilder::emitFence() {
  // A family's loop may run no trip on a block, and then sync insertion
  // cannot carry its flags to the next family (docs/sync-insertion.md): a
  // chain of tiny dependent ops MTE2 -> MTE1 -> M -> V -> MTE3, the
  // direction of the kernel's data flow, tells every pipe that sets one of
  // the families' write-after-read flags what the pipes before it did.
  if (!fence.l1) {
    fence.l1 = alloc(fe, p.elem, MemorySpace::L1);
    zeroL1(fence.l1);
    fence.l0a = alloc(fe, p.elem, MemorySpace::L0A);
    fence.l0b = alloc(fe, p.elem, MemorySpace::L0B);
    fence.l0c = alloc(256, b.getF32Type(), MemorySpace::L0C);
    fence.ub = alloc(256, p.elem, MemorySpace::UB);
  }
  // One block of an operand (B has a block whenever A has not: there are
  // then several N tiles).
  Value source =
      !convertA && cast<MemRefType>(aFlat.getType()).getNumElements() >= k0
          ? aFlat
          : (p.bConst ? bGm : bFlat);
  copy(sub(source, {idx(0)}, {k0}), sub(fence.l1, {idx(0)}, {k0}));
  copy(fence.l1, fence.l0a);
  copy(fence.l1, fence.l0b);
  tile::MmadOp::create(b, loc, view(fence.l0a, {16, k0}),
                       view(fence.l0b, {k0, 16}), view(fence.l0c, {16, 16}));
  copy(fence.l0c, fence.ub);
  copy(sub(fence.ub, {idx(0)}, {k0}), sub(fence.l1, {idx(0)}, {k0}));
}

void CubeBuilder::emitTile(const TileFamily &f, Value unit) {
  // The unit's batch, first row and first column are recomputed in each
  // phase (a few scalar ops) rather than kept in registers across the tile.
  auto where = [&]() -> std::tuple<Value, Value, Value> {
    SmallVector<Value> d =
        splitUnit(b, loc, unit, {p.batches(), f.mCount, f.nCount});
    Value batch = p.batch.empty() ? Value() : d[0];
    return {batch, add(mul(d[1], mt), f.mBase), add(mul(d[2], nt), f.nBase)};
  };
  int64_t m = f.m;
  const NTile &n = f.n;
  int64_t steps = ceilDiv(k1, k1s);
  int64_t lastCount = k1 - (steps - 1) * k1s;
  bool acc = p.cubeBias();
  auto kStep = [&](Value kf0, int64_t kc, bool accumulate, bool last,
                   int64_t set) {
    auto [batch, row, col] = where();
    auto [aRow, bRow] =
        batch ? batchRows(batch) : std::make_pair(idx(0), idx(0));
    emitKStep(aRow, bRow, row, m, col, n, kf0, kc, accumulate, last, set);
  };
  auto outRow = [&] {
    auto [batch, row, col] = where();
    return std::make_pair(batch ? add(mul(batch, p.m), row) : row, col);
  };
  if (nTiles() > 1 && (p.cubeBias() || !rowTiles.empty()))
    scoped([&] {
      Value col = std::get<2>(where());
      // The N tile's part of C's row, and of the broadcast constant rows.
      if (p.cubeBias())
        copy(sub(l1Row, {mul(col, k0)}, {n.pad * k0}),
             sub(biasB, {idx(0)}, {n.pad * k0}));
      for (auto [gm, tile] : llvm::zip(rowGms, rowTiles))
        copy(sub(gm, {mul(col, mt)}, {n.c1 * mt * 16}),
             sub(tile, {idx(0)}, {n.c1 * mt * 16}));
    });
  if (p.cubeBias())
    tile::MmadOp::create(b, loc, view(biasA, {m, 1}), view(biasB, {1, n.pad}),
                         view(l0c, {m, n.pad}));
  if (steps == 1) {
    scoped([&] { kStep(idx(0), lastCount, acc, true, 0); });
  } else {
    // K steps alternate between the operand buffer sets; a loop iteration
    // holds one step per set, so every step's buffers are static.
    scoped([&] { kStep(idx(0), k1s, acc, false, 0); });
    int64_t middle = steps - 2;
    if (middle >= sets)
      loop(idx(middle / sets), [&](Value s) {
        for (int64_t i = 0; i < sets; ++i)
          kStep(mul(add(mul(s, sets), 1 + i), k1s), k1s, true, false,
                (1 + i) % sets);
      });
    for (int64_t s = 1 + middle / sets * sets; s < steps - 1; ++s)
      scoped([&] { kStep(idx(s * k1s), k1s, true, false, s % sets); });
    scoped([&] {
      kStep(idx((steps - 1) * k1s), lastCount, true, true, (steps - 1) % sets);
    });
  }
  // [M, N] operands (C, epilogue tensors of the product's shape) hold the
  // output's rows in the output's order.
  if (p.bias == BiasKind::Matrix || !p.tiles.empty())
    scoped([&] {
      auto [row, col] = outRow();
      if (p.bias == BiasKind::Matrix)
        loadMatrix(cFlat, cSplit, row, m, col, n, cTile);
      for (auto [flat, split, tile] : llvm::zip(matFlats, matSplits, matTiles))
        loadMatrix(flat, split, row, m, col, n, tile);
    });
  // L0C holds [c1][mPad][16]; ub keeps the row stride of a full tile so the
  // broadcast rows line up for every tile.
  int64_t mPad = roundUp(m, 16);
  copy(view(l0c, {n.c1, mPad * 16}),
       view(cub, {n.c1, mPad * 16}, {mt * 16, 1}));
  Value result = emitEpilogue(m, n);
  if (!flatOut) {
    // The conversion first: it overlaps the f32 result's copy to gm.
    if (f16Out)
      for (auto r : fractalRegions(n.c1, mt, mPad))
        tile::VConvOp::create(b, loc, region(result, r), region(f16Tile, r));
    scoped([&] {
      auto [row, col] = outRow();
      emitStore(result, row, m, col, n);
      if (f16Out)
        emitF16Store(row, m, col, n);
    });
    return;
  }
  // Rows shorter than a block: written in order into a workspace, each
  // block spilling into the rows after it, and copied out flat at the end.
  Value res3 = view(result, {nt / 16, mt, 16});
  scoped([&] {
    Value first = outRow().first;
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
    copy(permute(src, {1, 0, 2}),
         sub(a3, {idx(0), idx(0), idx(0)}, {kc, rows, k0}));
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

void CubeBuilder::convertRows(Value rowBase, int64_t rows, int64_t rowsPad,
                              Value kf0, int64_t kc, int64_t set, Value l1) {
  // Only the tile's rows, back to back: nothing reads never-written ub.
  Value zero = idx(0);
  int64_t size = kc * rows * 16;
  Value wide = sub(wideA[set], {zero}, {size});
  Value narrow = sub(narrowA[set], {zero}, {size});
  copy(permute(sub(aSplit, {rowBase, kf0, zero}, {rows, kc, 16}), {1, 0, 2}),
       view(wide, {kc, rows, 16}));
  tile::VConvOp::create(b, loc, wide, narrow);
  copy(view(narrow, {kc, rows, 16}),
       sub(view(l1, {kc, rowsPad, 16}), {zero, zero, zero}, {kc, rows, 16}));
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
    copy(permute(src, {1, 0, 2}),
         sub(l13, {idx(0), idx(0), idx(0)}, {groups, kRows, 16}));
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
                            Value nOff, const NTile &n, Value kf0, int64_t kc,
                            bool accumulate, bool last, int64_t set) {
  Value l1a = this->l1a[set], l1b = this->l1b[set], l0a = this->l0a[set],
        l0b = this->l0b[set];
  int64_t mPad = roundUp(m, 16), m1 = mPad / 16;
  // Rows of K this step covers, and the k the cube multiplies over: all of
  // kc fractals with the overlapping tail (packed B zeroes the rest).
  int64_t kRows = last ? p.k - (k1 - kc) * k0 : kc * k0;
  int64_t mmadK = overlapTail ? kc * k0 : kRows;
  int64_t kcs = roundUp(kc, kg), kb = kcs * k0 / 16;
  Value kStart = mul(kf0, k0);
  // gm -> L1 for both operands first, then L1 -> L0, then the cube.
  if (convertA)
    convertRows(add(aRow, mOff), m, mPad, kf0, kc, set, l1a);
  else if (!p.a.kRows)
    loadRows(aFlat, aSplit, add(aRow, mOff), p.a.cols, m, mPad, kf0, kc, last,
             l1a);
  else
    loadKRows(aFlat, aSplit, aRow, mOff, p.a.cols, m1, kStart, kRows, l1a);
  // Packed weights: the N tile's K fractals follow k1 * nOff * k0 values
  // of the tiles before it (see packB).
  if (p.bConst)
    copy(sub(bGm, {add(mul(nOff, k1 * k0), mul(kf0, n.c1 * fe))},
             {kc * n.c1 * fe}),
         sub(l1b, {idx(0)}, {kc * n.c1 * fe}));
  else if (!p.bOp.kRows)
    loadRows(bFlat, bSplit, add(bRow, nOff), p.bOp.cols, n.cols, n.pad, kf0, kc,
             last, l1b);
  else
    loadKRows(bFlat, bSplit, bRow, nOff, p.bOp.cols, n.c1, kStart, kRows, l1b);

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
    copy(sub(l1b, {idx(0)}, {kc * n.c1 * fe}),
         sub(l0b, {idx(0)}, {kc * n.c1 * fe}));
    auto mmad =
        tile::MmadOp::create(b, loc, view(l0a, {m, mmadK}),
                             view(l0b, {mmadK, n.pad}), view(l0c, {m, n.pad}));
    if (accumulate)
      mmad.setAccumulate(true);
    return;
  }
  // Runtime B: L0B holds one column of 16 per kcs fractals ([n1][kcs]), and
  // the cube runs once per column into that column of L0C.
  if (!p.bOp.kRows)
    copy(view(l1b, {n.c1, kc, 16, k0}, {fe, n.pad * k0, k0, 1}),
         view(l0b, {n.c1, kc, 16, k0}, {kcs * fe, fe, k0, 1}));
  else
    loadTransposed(l1b, n.c1, kb, l0b, kcs);
  for (int64_t j = 0; j < n.c1; ++j) {
    auto mmad = tile::MmadOp::create(b, loc, view(l0a, {m, mmadK}),
                                     view(l0b, {mmadK, 16}, {}, j * kcs * fe),
                                     view(l0c, {m, 16}, {}, j * mPad * 16));
    if (accumulate)
      mmad.setAccumulate(true);
  }
}

void CubeBuilder::loadMatrix(Value flat, Value split, Value row0, int64_t m,
                             Value nOff, const NTile &n, Value tile) {
  Value t3 = view(tile, {nt / 16, mt, 16});
  Value zero = idx(0);
  if (split) {
    // One strided copy per fractal column: m rows of 16 values.
    copy(permute(sub(split, {row0, div(nOff, 16), zero}, {m, n.c1, 16}),
                 {1, 0, 2}),
         sub(t3, {zero, zero, zero}, {n.c1, m, 16}));
    return;
  }
  // Row by row, each read running into the next row (or the staged copy's
  // padding): the extra columns only reach padding columns of the result.
  loop(idx(m), [&](Value i) {
    copy(expand(sub(flat, {add(mul(add(row0, i), p.n), nOff)}, {n.pad}),
                {n.c1, 1, 16}),
         sub(t3, {zero, i, zero}, {n.c1, 1, 16}));
  });
}

Value CubeBuilder::emitEpilogue(int64_t m, const NTile &n) {
  // Whole buffer, or one region per fractal column when the tile has fewer
  // (padded) rows than the buffer's row stride.
  int64_t mPad = roundUp(m, 16);
  SmallVector<std::pair<int64_t, int64_t>> regions;
  if (mPad == mt)
    regions.push_back({0, n.c1 * mt * 16});
  else
    for (int64_t j = 0; j < n.c1; ++j)
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

void CubeBuilder::emitF16Store(Value mOff, int64_t m, Value nOff,
                               const NTile &n) {
  Value zero = idx(0);
  copy(sub(view(f16Tile, {nt / 16, mt, 16}), {zero, zero, zero}, {n.c1, m, 16}),
       permute(sub(f16Split, {mOff, div(nOff, 16), zero}, {m, n.c1, 16}),
               {1, 0, 2}));
}

void CubeBuilder::emitStore(Value result, Value mOff, int64_t m, Value nOff,
                            const NTile &n) {
  Value res3 = view(result, {nt / 16, mt, 16});
  Value zero = idx(0);
  if (p.n % 16 == 0) {
    // One strided copy per fractal column: m rows of 16 values.
    Value dst = permute(
        sub(outSplit, {mOff, div(nOff, 16), zero}, {m, n.c1, 16}), {1, 0, 2});
    copy(sub(res3, {zero, zero, zero}, {n.c1, m, 16}), dst);
    return;
  }
  // Row by row: rows are not whole blocks apart.
  auto rowCopy = [&](Value row, Value gmOffset, int64_t fractals) {
    copy(sub(res3, {zero, row, zero}, {fractals, 1, 16}),
         expand(sub(outFlat, {gmOffset}, {fractals * 16}), {fractals, 1, 16}));
  };
  auto rowStart = [&](Value i) { return add(mul(add(mOff, i), p.n), nOff); };
  // A row that must not cross its end: its whole blocks go straight out,
  // its final K0 values through a workspace row read back at an unaligned
  // offset.
  auto finishRow = [&](Value row) {
    Value start = rowStart(row);
    int64_t blocksInRow = n.cols * oes / 32, perFractal = 16 * oes / 32;
    int64_t fullFractals = blocksInRow / perFractal;
    int64_t extraBlocks = blocksInRow % perFractal;
    if (fullFractals > 0)
      rowCopy(row, start, fullFractals);
    if (extraBlocks > 0)
      copy(sub(res3, {idx(fullFractals), row, zero}, {1, 1, extraBlocks * ok0}),
           expand(sub(outFlat, {add(start, fullFractals * 16)},
                      {extraBlocks * ok0}),
                  {1, 1, extraBlocks * ok0}));
    Value wRow = mul(blockIdx, npad);
    copy(sub(res3, {zero, row, zero}, {n.c1, 1, 16}),
         expand(sub(wGm, {wRow}, {n.pad}), {n.c1, 1, 16}));
    copy(sub(wGm, {add(wRow, n.cols - ok0)}, {ok0}), scratch);
    copy(scratch, sub(outFlat, {add(start, n.cols - ok0)}, {ok0}));
  };
  if (n.cols % 16 == 0) {
    // A full N tile of a wider row: whole fractals end at the tile's end.
    loop(idx(m), [&](Value i) { rowCopy(i, rowStart(i), n.c1); });
    return;
  }
  if (nTiles() > 1) {
    // The row's last tile: no row may run into the next row's first tile.
    loop(idx(m), [&](Value i) { finishRow(i); });
    return;
  }
  // All of N: each row writes whole fractals, running into the next row,
  // which the next copy rewrites (sync insertion orders them); the last row
  // must not cross the end of the tile.
  if (m > 1)
    loop(idx(m - 1), [&](Value i) { rowCopy(i, rowStart(i), n.c1); });
  finishRow(idx(m - 1));
}

FailureOr<CubeKernel>
ascend::buildCubeKernel(nn::KernelOp kernel,
                        ArrayRef<std::optional<double>> scalars,
                        const MachineModel &machine, bool mixed, bool f16Copy,
                        bool aStaged, OpBuilder &builder) {
  FailureOr<CubeProblem> problem = analyze(kernel, scalars, mixed);
  if (failed(problem))
    return failure();
  Operation *cube = &kernel.getBody().front().front();
  CubeProblem &p = *problem;
  CubeBuilder cb(p, builder, kernel.getLoc());
  // Rows of whole fractals written by the tiles (not one flat block).
  bool convertA = false;
  if (cb.canConvertA() && !aStaged) {
    // Convert A in the kernel when that costs less than its stage kernel
    // plus the kernel reading the copy (see docs/precision.md).
    FailureOr<double> converting = cb.chooseTiles(machine, nullptr, true);
    FailureOr<double> reading = cb.chooseTiles(machine, nullptr);
    double stage = estimateStageKernel(p.a.numel, 4, 2, machine);
    convertA = succeeded(converting) &&
               (failed(reading) || *converting < *reading + stage);
  }
  // Write the result's f16 copy for a later product when that adds less
  // than the stage kernel it saves (rows of whole fractals written by the
  // tiles, not one flat block).
  if (f16Copy && p.outElem.isF32() && p.n % 16 == 0 && !cb.flatOut) {
    FailureOr<double> plain = cb.chooseTiles(machine, nullptr, convertA);
    cb.f16Out = true;
    FailureOr<double> writing = cb.chooseTiles(machine, nullptr, convertA);
    auto resultType = cast<RankedTensorType>(cube->getResult(0).getType());
    cb.f16Out =
        succeeded(plain) && succeeded(writing) &&
        *writing - *plain <
            estimateStageKernel(resultType.getNumElements(), 4, 2, machine);
  }
  if (failed(cb.chooseTiles(machine, cube, convertA)))
    return failure();
  if (convertA)
    p.a.staged = false;
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
    CubeKernelArg staged;
    staged.kind = CubeKernelArg::Kind::Workspace;
    staged.type =
        getCubeStageType(tensor, op.convert ? p.elem : tensor.getElementType());
    result.args.push_back(staged);
    OpBuilder::InsertionGuard guard(builder);
    CubePrelude stage;
    stage.func = buildStageKernel(builder, kernel.getLoc(),
                                  name + "_stage_" + suffix.str(), inputType,
                                  result.args.back().type, machine.cores);
    stage.input = op.input;
    stage.arg = index;
    // An f16 copy is shared with other kernels reading the value as f16 (a
    // product's A, or the producer writing it; see LowerNNToTile.cpp).
    stage.shareable = op.convert;
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
  auto resultType = cast<RankedTensorType>(cube->getResult(0).getType());
  argTypes.push_back(gmType(resultType.getShape(), p.outElem));
  if (cb.f16Out) {
    result.f16Copy = getCubeStageType(resultType, p.elem);
    argTypes.push_back(result.f16Copy);
  }
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
