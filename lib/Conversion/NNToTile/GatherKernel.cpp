//===- GatherKernel.cpp - Gathers with runtime indices --------------------===//
//
// Every gather is described by a GatherForm: the data is [groups, rows,
// cols] and the output [groups, outRows, outCols]; output element (o, m, c)
// reads, in group o, data row sum_j norm(index_j(o, m, c)) * rowScales[j]
// at column dataCol(c), index_j being one entry of the indices:
//
//   Gather (axis a):  data [A, D, B]: groups A, rows D, cols B; the N
//                     indices, shared by the groups, pick rows: [A, N, B].
//   GatherND:         data [batch, X1..Xk, S]: groups batch, rows
//                     X1*..*Xk, cols S; tuple m of the group's indices
//                     picks row sum_j i_j * X_{j+1}*..*Xk.
//   GatherElements:   data [P, D, Q], indices [P, J, Q']: one index per
//                     output element picks the row of its column.
//
// A unit is (group, block of output rows, chunk of columns). It loads its
// indices and the group's data chunk to ub, expands the indices to one per
// output lane by gathering from the index buffer (position tables are
// compile-time constants), fixes negative ones (vcmp / vadds / vsel),
// scales them to byte offsets and adds each lane's column (vmuls / vadd),
// gathers the data and stores the rows. Units of one shape form a family
// dealt round robin over the blocks (UnitLoop.h).
//
//===----------------------------------------------------------------------===//

#include "GatherKernel.h"

#include "BlockSplit.h"
#include "GmType.h"
#include "MoveKernel.h"
#include "TileBuilder.h"
#include "UnitLoop.h"

#include "mlir/IR/DialectResourceBlobManager.h"

using namespace mlir;
using namespace ascend;

static ArrayRef<int64_t> shapeOf(Value v) {
  return cast<RankedTensorType>(v.getType()).getShape();
}

static int64_t product(ArrayRef<int64_t> values) {
  int64_t p = 1;
  for (int64_t v : values)
    p *= v;
  return p;
}

static unsigned argOf(Value v) { return cast<BlockArgument>(v).getArgNumber(); }

bool ascend::isGatherKernel(nn::KernelOp kernel) {
  Block &body = kernel.getBody().front();
  if (!llvm::hasSingleElement(body.without_terminator()))
    return false;
  Operation &op = body.front();
  if (!isa<nn::GatherOp, nn::GatherElementsOp, nn::GatherNDOp>(op) ||
      !llvm::all_of(op.getOperands(),
                    [](Value v) { return isa<BlockArgument>(v); }) ||
      !llvm::equal(body.getTerminator()->getOperands(), op.getResults()))
    return false;
  // Gathers with constant indices are moves (MoveOps.cpp).
  Value indices = kernel.getInputs()[argOf(op.getOperand(1))];
  return !isa<nn::GatherOp>(op) || !indices.getDefiningOp<nn::ConstantOp>();
}

namespace {
struct GatherForm {
  int64_t groups = 1, rows = 1, cols = 1, outRows = 1, outCols = 1;
  /// Index entries loaded per output row, and between groups (0: shared).
  int64_t idxWidth = 1, idxGroupStride = 0;
  /// GatherElements: one index per output element, output column c
  /// reading data column dataCols[c].
  bool perElement = false;
  SmallVector<int64_t> dataCols;
  /// Per tuple entry: the axis extent (negative indices add it) and the
  /// data rows one step of the index moves.
  SmallVector<int64_t> dims, rowScales;
};
} // namespace

static FailureOr<GatherForm> getForm(Operation *op) {
  GatherForm f;
  if (auto g = dyn_cast<nn::GatherOp>(op)) {
    ArrayRef<int64_t> s = shapeOf(g.getData());
    int64_t axis = g.getAxis();
    f.groups = product(s.take_front(axis));
    f.rows = s[axis];
    f.cols = f.outCols = product(s.drop_front(axis + 1));
    f.outRows = product(shapeOf(g.getIndices()));
    f.dims = {f.rows};
    f.rowScales = {1};
    return f;
  }
  if (auto g = dyn_cast<nn::GatherNDOp>(op)) {
    ArrayRef<int64_t> s = shapeOf(g.getData()), is = shapeOf(g.getIndices());
    int64_t b = g.getBatchDims(), k = is.back();
    f.groups = product(s.take_front(b));
    f.rows = product(s.slice(b, k));
    f.cols = f.outCols = product(s.drop_front(b + k));
    f.outRows = product(is.slice(b, is.size() - 1 - b));
    f.idxWidth = k;
    f.idxGroupStride = f.outRows * k;
    for (int64_t j = 0; j < k; ++j) {
      f.dims.push_back(s[b + j]);
      f.rowScales.push_back(product(s.slice(b + j + 1, k - j - 1)));
    }
    return f;
  }
  auto g = cast<nn::GatherElementsOp>(op);
  ArrayRef<int64_t> s = shapeOf(g.getData()), is = shapeOf(g.getIndices());
  int64_t axis = g.getAxis();
  if (s.take_front(axis) != is.take_front(axis))
    return op->emitError("cannot lower a gather_elements whose indices are "
                         "smaller than the data before the axis yet");
  f.groups = product(s.take_front(axis));
  f.rows = s[axis];
  f.cols = product(s.drop_front(axis + 1));
  f.outRows = is[axis];
  f.outCols = product(is.drop_front(axis + 1));
  f.idxWidth = f.outCols;
  f.idxGroupStride = f.outRows * f.outCols;
  f.perElement = true;
  f.dims = {f.rows};
  f.rowScales = {1};
  // Output column c as a multi-index of the indices' trailing dimensions,
  // placed in the data's.
  ArrayRef<int64_t> inner = is.drop_front(axis + 1);
  SmallVector<int64_t> dataStrides = getRowMajorStrides(s.drop_front(axis + 1));
  for (int64_t c = 0; c < f.outCols; ++c) {
    int64_t rest = c, col = 0;
    for (int64_t d = (int64_t)inner.size() - 1; d >= 0; --d) {
      col += rest % inner[d] * dataStrides[d];
      rest /= inner[d];
    }
    f.dataCols.push_back(col);
  }
  return f;
}

namespace {
/// The tiling: units of `rowBlock` output rows and `colChunk` data
/// columns; with `chunked`, data and output rows go through ub as rows
/// padded to blocks, otherwise whole group slices go flat.
struct GatherPlan {
  GatherForm form;
  int64_t elemBytes, rowBlock, colChunk;
  bool chunked;

  int64_t epb() const { return 32 / elemBytes; }
  int64_t dataPitch(int64_t cb) const {
    return chunked ? roundUp(cb, epb()) : form.cols;
  }
  int64_t laneCols(int64_t cb) const { return chunked ? cb : form.outCols; }
  int64_t lanePitch(int64_t cb) const {
    return chunked ? roundUp(cb, epb()) : form.outCols;
  }
  int64_t lanes(int64_t mb, int64_t cb) const { return mb * lanePitch(cb); }
  /// Table rows start at blocks.
  int64_t tablePitch(int64_t mb, int64_t cb) const {
    return roundUp(lanes(mb, cb), 8);
  }
  int64_t components() const { return form.dims.size(); }
  int64_t rowBlocks() const { return ceilDiv(form.outRows, rowBlock); }
  int64_t colChunks() const { return ceilDiv(form.cols, colChunk); }
};

/// One family: units of `rows` output rows and `cols` data columns at
/// every group and `rowBlocks` x `colChunks` positions.
struct Family {
  bool raggedRows, raggedCols;
  int64_t rows, cols, rowBlocks, colChunks, tableOffset;
  int64_t units(int64_t groups) const { return groups * rowBlocks * colChunks; }
};
} // namespace

/// Picks the data chunk (at most half of ub, narrower while that gives the
/// cores more units) and the row block (what the lane buffers leave), then
/// splits rows further until every core has a unit.
static FailureOr<GatherPlan> choosePlan(Operation *op, const GatherForm &form,
                                        int64_t elemBytes,
                                        const MachineModel &machine) {
  GatherPlan p{form, elemBytes, 1, std::max<int64_t>(1, form.cols), false};
  if (form.groups * form.outRows * form.outCols == 0)
    return p; // an empty output: no units
  int64_t ub = machine.getBuffer(MemorySpace::UB).size;
  int64_t dataBudget = ub / 2;
  if (roundUp(form.rows * form.cols * elemBytes, 32) > dataBudget) {
    if (form.perElement)
      return op->emitError("cannot lower a gather_elements whose data slice (")
             << form.rows << " x " << form.cols
             << " elements) exceeds the ub data buffer of " << dataBudget
             << " bytes yet";
    p.chunked = true;
    p.colChunk = dataBudget / (form.rows * 32) * p.epb();
    if (p.colChunk == 0)
      return op->emitError("gather: one data chunk (")
             << form.rows << " rows of one 32-byte block) does not fit in the "
             << dataBudget << "-byte ub data buffer";
  }
  // Column chunks spread the units over the cores without loading any data
  // twice (the units of a row split each load their chunk): cut columns
  // first, down to one block.
  int64_t wanted = ceilDiv(machine.cores, form.groups);
  if (!form.perElement && p.colChunks() < wanted && form.cols > p.epb()) {
    int64_t chunk = roundUp(ceilDiv(form.cols, wanted), p.epb());
    if (chunk < p.colChunk) {
      p.chunked = true;
      p.colChunk = chunk;
    }
  }
  // Per lane: the position tables and base (4 bytes per component + 4),
  // component, condition, scratch, offsets and zeros (i32), and the
  // gathered element; per output row its index entries.
  int64_t perLane = 4 * (p.components() + 1) + 5 * 4 + elemBytes;
  int64_t dataBytes =
      roundUp(form.rows * p.dataPitch(p.colChunk) * elemBytes, 32);
  // Block alignment of the nine buffers and the family fence's block.
  int64_t laneBudget = ub - dataBytes - 10 * 32;
  int64_t perRow = p.lanePitch(p.colChunk) * perLane + form.idxWidth * 4;
  p.rowBlock = std::min(form.outRows, laneBudget / perRow);
  if (p.rowBlock == 0)
    return op->emitError("gather: the lanes of one output row (")
           << perRow << " bytes) do not fit in ub next to the " << dataBytes
           << "-byte data buffer";
  int64_t others = form.groups * p.colChunks();
  if (others * p.rowBlocks() < machine.cores)
    p.rowBlock = std::max<int64_t>(
        1, ceilDiv(form.outRows, ceilDiv(machine.cores, others)));
  return p;
}

namespace {
class GatherEmitter : public TileBuilder {
public:
  GatherEmitter(OpBuilder &b, Location loc, const GatherPlan &plan)
      : TileBuilder(b, loc), plan(plan), form(plan.form) {}

  const GatherPlan &plan;
  const GatherForm &form;
  Value data, indices, tables, out, blockIdx;
  Value dataBuf, idxBuf, tableBuf, comp, cond, tmp, acc, zeros, outBuf;
  int64_t blocks = 1, dealt = 0;
  std::optional<FamilyFence> fence;

  Value head(Value buffer, int64_t size) {
    return sub(buffer, {idx(0)}, {size});
  }
  Value flat(Value gmArg) {
    return view(gmArg, {cast<MemRefType>(gmArg.getType()).getNumElements()});
  }
  /// `arg` seen as [elements, rows, cols] tiles with rows `rowStride`
  /// apart; a subview at [offset, 0, 0] is one tile.
  Value gmTile(Value arg, Value offset, int64_t rows, int64_t cols,
               int64_t rowStride) {
    Value tiles = view(
        arg, {cast<MemRefType>(arg.getType()).getNumElements(), rows, cols},
        {1, rowStride, 1});
    return sub(tiles, {offset, idx(0), idx(0)}, {1, rows, cols});
  }

  void emitFamily(const Family &f) {
    if (dealt > 0)
      fence->emit();
    int64_t lanes = plan.lanes(f.rows, f.cols);
    int64_t pitch = plan.tablePitch(f.rows, f.cols);
    int64_t k = plan.components();
    copy(sub(tables, {idx(f.tableOffset)}, {(k + 1) * pitch}),
         head(tableBuf, (k + 1) * pitch));
    int64_t dataPitch = plan.dataPitch(f.cols);
    int64_t bytes = plan.elemBytes;
    Value idxView = head(idxBuf, f.rows * form.idxWidth);
    Value dataView = head(dataBuf, form.rows * dataPitch);
    Value compL = head(comp, lanes), condL = head(cond, lanes),
          tmpL = head(tmp, lanes), accL = head(acc, lanes),
          zerosL = head(zeros, lanes), outL = head(outBuf, lanes);
    SmallVector<int64_t> extents = {form.groups, f.rowBlocks, f.colChunks};
    int64_t fullRows = form.outRows / plan.rowBlock * plan.rowBlock;
    int64_t fullCols = form.cols / plan.colChunk * plan.colChunk;
    dealt = buildDealtUnitLoop(
        b, loc, blockIdx, f.units(form.groups), blocks, dealt, [&](Value unit) {
          SmallVector<Value> d = splitUnit(b, loc, unit, extents);
          Value m0 = f.raggedRows ? idx(fullRows) : mul(d[1], plan.rowBlock);
          Value c0 = f.raggedCols ? idx(fullCols) : mul(d[2], plan.colChunk);
          copy(
              sub(flat(indices),
                  {add(mul(d[0], form.idxGroupStride), mul(m0, form.idxWidth))},
                  {f.rows * form.idxWidth}),
              idxView);
          Value group = mul(d[0], form.rows * form.cols);
          if (plan.chunked)
            copy(gmTile(data, add(group, c0), form.rows, f.cols, form.cols),
                 view(dataBuf, {1, form.rows, f.cols},
                      {form.rows * dataPitch, dataPitch, 1}));
          else
            copy(sub(flat(data), {group}, {form.rows * form.cols}), dataView);
          // Byte offsets into the data chunk, one tuple entry at a time.
          for (int64_t j = 0; j < k; ++j) {
            tile::VGatherOp::create(b, loc, idxView,
                                    sub(tableBuf, {idx(j * pitch)}, {lanes}),
                                    compL);
            tile::VCmpOp::create(b, loc, CmpMode::LT, compL, zerosL, condL);
            tile::VAddsOp::create(b, loc, compL,
                                  b.getF64FloatAttr(form.dims[j]), tmpL);
            tile::VSelOp::create(b, loc, condL, tmpL, compL, compL);
            tile::VMulsOp::create(
                b, loc, compL,
                b.getF64FloatAttr(form.rowScales[j] * dataPitch * bytes), tmpL);
            Value base =
                j == 0 ? sub(tableBuf, {idx(k * pitch)}, {lanes}) : accL;
            tile::VAddOp::create(b, loc, base, tmpL, accL);
          }
          tile::VGatherOp::create(b, loc, dataView, accL, outL);
          Value outGroup = mul(d[0], form.outRows * form.outCols);
          if (plan.chunked)
            copy(view(outBuf, {1, f.rows, f.cols},
                      {lanes, plan.lanePitch(f.cols), 1}),
                 gmTile(out, add(add(outGroup, mul(m0, form.outCols)), c0),
                        f.rows, f.cols, form.outCols));
          else
            copy(outL, sub(flat(out), {add(outGroup, mul(m0, form.outCols))},
                           {lanes}));
        });
  }
};
} // namespace

/// The position tables of one family: per tuple entry the byte offset of
/// each lane's index entry in the index buffer, then each lane's byte
/// column in the data chunk (padding lanes read entry and column 0).
static void appendTables(const GatherPlan &p, const Family &f,
                         SmallVectorImpl<int32_t> &tables) {
  const GatherForm &form = p.form;
  int64_t pitch = p.tablePitch(f.rows, f.cols);
  int64_t lanePitch = p.lanePitch(f.cols), laneCols = p.laneCols(f.cols);
  for (int64_t j = 0; j <= p.components(); ++j) {
    size_t start = tables.size();
    tables.resize(start + pitch, 0);
    for (int64_t m = 0; m < f.rows; ++m)
      for (int64_t c = 0; c < laneCols; ++c) {
        int64_t value;
        if (j == p.components())
          value = (form.perElement ? form.dataCols[c] : c) * p.elemBytes;
        else if (form.perElement)
          value = (m * form.outCols + c) * 4;
        else
          value = (m * form.idxWidth + j) * 4;
        tables[start + m * lanePitch + c] = value;
      }
  }
}

FailureOr<GatherKernel> ascend::buildGatherKernel(nn::KernelOp kernel,
                                                  const MachineModel &machine,
                                                  OpBuilder &builder) {
  Operation &op = kernel.getBody().front().front();
  Value dataArg = op.getOperand(0), indicesArg = op.getOperand(1);
  for (Type t : llvm::concat<Type>(op.getOperandTypes(), op.getResultTypes()))
    if (cast<RankedTensorType>(t).getEncoding())
      return op.emitError("cannot gather tensors in a packed layout yet");
  if (!getElementTypeOrSelf(indicesArg.getType()).isSignlessInteger(32))
    return op.emitError("gather needs i32 indices (the importer casts int64 "
                        "indices with nn.cast), not ")
           << getElementTypeOrSelf(indicesArg.getType());
  Type elem = getElementTypeOrSelf(dataArg.getType());
  int64_t bits = elem.getIntOrFloatBitWidth();
  if (bits != 16 && bits != 32)
    return op.emitError("cannot gather ")
           << elem << " elements yet (vgather moves 2- or 4-byte lanes)";
  FailureOr<GatherForm> form = getForm(&op);
  if (failed(form))
    return failure();
  FailureOr<GatherPlan> planOr = choosePlan(&op, *form, bits / 8, machine);
  if (failed(planOr))
    return failure();
  const GatherPlan &plan = *planOr;

  // Families: full and ragged row blocks times full and ragged column
  // chunks, with their tables one after the other.
  SmallVector<Family> families;
  SmallVector<int32_t> tableData;
  int64_t units = 0;
  for (bool raggedRows : {false, true})
    for (bool raggedCols : {false, true}) {
      int64_t rows = raggedRows ? form->outRows % plan.rowBlock : plan.rowBlock;
      int64_t cols = raggedCols ? form->cols % plan.colChunk : plan.colChunk;
      Family f{raggedRows,
               raggedCols,
               rows,
               cols,
               raggedRows ? 1 : form->outRows / plan.rowBlock,
               raggedCols ? 1 : form->cols / plan.colChunk,
               (int64_t)tableData.size()};
      if (rows == 0 || cols == 0 || f.units(form->groups) == 0)
        continue;
      appendTables(plan, f, tableData);
      families.push_back(f);
      units += f.units(form->groups);
    }
  MLIRContext *ctx = builder.getContext();
  Type i32 = builder.getI32Type();
  int64_t tableCount = std::max<int64_t>(8, tableData.size());
  tableData.resize(tableCount, 0);
  auto tableTensor = RankedTensorType::get({tableCount}, i32);
  GatherKernel result;
  result.tablesType = getGmType(tableTensor);
  result.tables = DenseResourceElementsAttr::get(
      tableTensor, "gather_tables",
      HeapAsmResourceBlob::allocateAndCopyInferAlign<int32_t>(tableData));

  Location loc = kernel.getLoc();
  SmallVector<Type> argTypes;
  for (Value v : kernel.getInputs())
    argTypes.push_back(getGmType(v.getType()));
  argTypes.push_back(result.tablesType);
  argTypes.push_back(getGmType(kernel.getResult(0).getType()));
  int64_t blocks = std::clamp<int64_t>(units, 1, machine.cores);
  result.func =
      createTileKernel(builder, loc, kernel.getSymName(), argTypes, blocks);
  func::FuncOp func = result.func;
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(&func.getBody().front());
  GatherEmitter e(builder, loc, plan);
  unsigned numInputs = kernel.getInputs().size();
  e.data = func.getArgument(argOf(dataArg));
  e.indices = func.getArgument(argOf(indicesArg));
  e.tables = func.getArgument(numInputs);
  e.out = func.getArgument(numInputs + 1);
  e.blocks = blocks;
  e.blockIdx = tile::BlockIdxOp::create(builder, loc, builder.getIndexType());
  int64_t maxLanes = plan.lanes(plan.rowBlock, plan.colChunk);
  int64_t maxPitch = plan.tablePitch(plan.rowBlock, plan.colChunk);
  auto ub = [&](int64_t size, Type t) {
    return memref::AllocOp::create(
        builder, loc,
        MemRefType::get({size}, t, MemRefLayoutAttrInterface(),
                        tile::MemorySpaceAttr::get(ctx, MemorySpace::UB)));
  };
  e.dataBuf = ub(form->rows * plan.dataPitch(plan.colChunk), elem);
  e.idxBuf = ub(plan.rowBlock * form->idxWidth, i32);
  e.tableBuf = ub((plan.components() + 1) * maxPitch, i32);
  e.comp = ub(maxPitch, i32);
  e.cond = ub(maxPitch, i32);
  e.tmp = ub(maxPitch, i32);
  e.acc = ub(maxPitch, i32);
  e.zeros = ub(maxPitch, i32);
  e.outBuf = ub(maxLanes, elem);
  tile::VDupOp::create(builder, loc, builder.getF64FloatAttr(0.0), e.zeros);
  e.fence.emplace(builder, loc, e.data);
  for (const Family &f : families)
    e.emitFamily(f);
  func::ReturnOp::create(builder, loc);
  return result;
}
