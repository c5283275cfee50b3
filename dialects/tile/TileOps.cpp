//===- TileOps.cpp - Operations of the tile dialect -----------------------===//

#include "tile/TileOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace ascend;
using namespace ascend::tile;

static MemorySpace spaceOf(Value buffer) {
  return *getMemorySpace(cast<MemRefType>(buffer.getType()));
}

/// Emits "`name` must be in <space>" unless `buffer` lives in `expected`.
static LogicalResult checkSpace(Operation *op, Value buffer, StringRef name,
                                MemorySpace expected) {
  MemorySpace actual = spaceOf(buffer);
  if (actual == expected)
    return success();
  return op->emitOpError() << name << " must be in "
                           << stringifyMemorySpace(expected) << ", not "
                           << stringifyMemorySpace(actual);
}

//===----------------------------------------------------------------------===//
// Vector operand types: one type when all operands share it, else one each
//===----------------------------------------------------------------------===//

static ParseResult parseVectorTypes(OpAsmParser &parser,
                                    MutableArrayRef<Type *> types) {
  SmallVector<Type> parsed;
  if (parser.parseTypeList(parsed))
    return failure();
  if (parsed.size() != 1 && parsed.size() != types.size())
    return parser.emitError(parser.getCurrentLocation(), "expected 1 or ")
           << types.size() << " operand types";
  for (auto [i, type] : llvm::enumerate(types))
    *type = parsed[parsed.size() == 1 ? 0 : i];
  return success();
}

static void printVectorTypes(OpAsmPrinter &printer, ArrayRef<Type> types) {
  if (llvm::all_equal(types))
    printer << types.front();
  else
    llvm::interleaveComma(types, printer);
}

static ParseResult parseVectorTypes(OpAsmParser &parser, Type &a, Type &b) {
  Type *types[] = {&a, &b};
  return parseVectorTypes(parser, types);
}
static ParseResult parseVectorTypes(OpAsmParser &parser, Type &a, Type &b,
                                    Type &c) {
  Type *types[] = {&a, &b, &c};
  return parseVectorTypes(parser, types);
}
static void printVectorTypes(OpAsmPrinter &printer, Operation *, Type a,
                             Type b) {
  printVectorTypes(printer, {a, b});
}
static void printVectorTypes(OpAsmPrinter &printer, Operation *, Type a, Type b,
                             Type c) {
  printVectorTypes(printer, {a, b, c});
}

//===----------------------------------------------------------------------===//
// CopyOp
//===----------------------------------------------------------------------===//

LogicalResult CopyOp::verify() {
  auto srcTy = getSource().getType(), dstTy = getTarget().getType();
  MemorySpace src = spaceOf(getSource()), dst = spaceOf(getTarget());
  // l0c -> ub may narrow the fp32 accumulator to f16 on the way.
  bool narrows = src == MemorySpace::L0C && dst == MemorySpace::UB &&
                 srcTy.getElementType().isF32() &&
                 dstTy.getElementType().isF16();
  // A copy moves bytes: integers of one width may differ in signedness
  // (unsigned data computes in signed lanes), and f64 moves as i64 (its
  // bits are all the vector unit handles of it).
  auto isBits = [](Type t) { return isa<IntegerType>(t) || t.isF64(); };
  Type srcElem = srcTy.getElementType(), dstElem = dstTy.getElementType();
  bool reinterprets =
      isBits(srcElem) && isBits(dstElem) &&
      srcElem.getIntOrFloatBitWidth() == dstElem.getIntOrFloatBitWidth();
  if (srcTy.getShape() != dstTy.getShape() ||
      (srcTy.getElementType() != dstTy.getElementType() && !narrows &&
       !reinterprets))
    return emitOpError("source and target must have one shape and element "
                       "type (l0c -> ub may also go from f32 to f16, and "
                       "integers may change signedness or hold f64 bits)");
  if (!getCopyPipe(src, dst))
    return emitOpError("no data path from ")
           << stringifyMemorySpace(src) << " to " << stringifyMemorySpace(dst);
  return success();
}

Pipe CopyOp::getPipe() {
  return *getCopyPipe(spaceOf(getSource()), spaceOf(getTarget()));
}

//===----------------------------------------------------------------------===//
// LoadTransposeOp
//===----------------------------------------------------------------------===//

LogicalResult LoadTransposeOp::verify() {
  if (failed(checkSpace(*this, getSource(), "source", MemorySpace::L1)))
    return failure();
  MemorySpace dst = spaceOf(getTarget());
  if (dst != MemorySpace::L0A && dst != MemorySpace::L0B)
    return emitOpError("target must be in l0a or l0b, not ")
           << stringifyMemorySpace(dst);
  auto src = getSource().getType(), tgt = getTarget().getType();
  Type elem = src.getElementType();
  if (elem != tgt.getElementType() || !(elem.isF16() || elem.isF32()))
    return emitOpError("source and target must both be f16 or both be f32");
  int64_t k0 = 32 / (elem.getIntOrFloatBitWidth() / 8);
  if (src.getRank() != 3 || src.getDimSize(1) != 16 ||
      src.getDimSize(2) != 16 || tgt.getRank() != 4 ||
      tgt.getDimSize(0) != src.getDimSize(0) || tgt.getDimSize(1) != 16 / k0 ||
      tgt.getDimSize(2) != 16 || tgt.getDimSize(3) != k0)
    return emitOpError("expected source [C, 16, 16] and target [C, ")
           << 16 / k0 << ", 16, " << k0 << "]";
  return success();
}

//===----------------------------------------------------------------------===//
// MmadOp
//===----------------------------------------------------------------------===//

LogicalResult MmadOp::verify() {
  if (failed(checkSpace(*this, getLhs(), "lhs", MemorySpace::L0A)) ||
      failed(checkSpace(*this, getRhs(), "rhs", MemorySpace::L0B)) ||
      failed(checkSpace(*this, getAcc(), "acc", MemorySpace::L0C)))
    return failure();
  auto a = getLhs().getType(), b = getRhs().getType(), c = getAcc().getType();
  if (a.getRank() != 2 || b.getRank() != 2 || c.getRank() != 2)
    return emitOpError("operands must be 2-D");
  if (a.getDimSize(1) != b.getDimSize(0) ||
      c.getDimSize(0) != a.getDimSize(0) || c.getDimSize(1) != b.getDimSize(1))
    return emitOpError("shapes do not form [M, K] x [K, N] -> [M, N]");
  Type in = a.getElementType();
  if (b.getElementType() != in || !(in.isF16() || in.isF32()))
    return emitOpError("lhs and rhs must both be f16 or both be f32");
  if (!c.getElementType().isF32())
    return emitOpError("acc must be f32 (the cube accumulates in fp32)");
  return success();
}

Pipe MmadOp::getPipe() { return Pipe::M; }

//===----------------------------------------------------------------------===//
// Img2ColOp
//===----------------------------------------------------------------------===//

LogicalResult Img2ColOp::verify() {
  if (failed(checkSpace(*this, getFmap(), "fmap", MemorySpace::L1)))
    return failure();
  MemorySpace dstSpace = spaceOf(getDst());
  if (dstSpace != MemorySpace::L0A && dstSpace != MemorySpace::L0B)
    return emitOpError("dst must be in l0a or l0b, not ")
           << stringifyMemorySpace(dstSpace);
  auto fmap = getFmap().getType(), dst = getDst().getType();
  Type elem = fmap.getElementType();
  if (dst.getElementType() != elem || !(elem.isF16() || elem.isF32()))
    return emitOpError("fmap and dst must both be f16 or both be f32");
  int64_t c0 = 32 / (elem.getIntOrFloatBitWidth() / 8);
  if (fmap.getRank() != 4 || fmap.getDimSize(3) != c0)
    return emitOpError("fmap must be [c1, h, w, ") << c0 << "]";
  if (!fmap.areTrailingDimsContiguous(4))
    return emitOpError("fmap must be contiguous");
  if (dst.getRank() != 2 || dst.getDimSize(0) % 16 || dst.getDimSize(1) % c0)
    return emitOpError("dst must be [M, K] with M a multiple of 16 and K of ")
           << c0;
  auto two = [](ArrayRef<int64_t> v) { return v.size() == 2; };
  if (!two(getKernel()) || !two(getStrides()) || !two(getDilations()) ||
      getPads().size() != 4)
    return emitOpError("kernel, strides and dilations take 2 values, pads 4");
  for (int64_t v :
       llvm::concat<const int64_t>(getKernel(), getStrides(), getDilations()))
    if (v < 1 || v > 255)
      return emitOpError("kernel, strides and dilations must be in 1..255");
  for (int64_t v : getPads())
    if (v < 0 || v > 255)
      return emitOpError("pads must be in 0..255");
  ArrayRef<int64_t> k = getKernel(), d = getDilations(), p = getPads();
  if (fmap.getDimSize(1) + p[0] + p[1] < d[0] * (k[0] - 1) + 1 ||
      fmap.getDimSize(2) + p[2] + p[3] < d[1] * (k[1] - 1) + 1)
    return emitOpError("kernel window does not fit the padded feature map");
  int64_t columns = fmap.getDimSize(0) * k[0] * k[1];
  int64_t mStart = getMStart(), k1Start = getK1Start();
  if (mStart < 0 || k1Start < 0 || k1Start + dst.getDimSize(1) / c0 > columns)
    return emitOpError("fractal columns exceed the ")
           << columns << " of c1 * kh * kw";
  return success();
}

Pipe Img2ColOp::getPipe() { return Pipe::MTE1; }

//===----------------------------------------------------------------------===//
// Vector ops
//===----------------------------------------------------------------------===//

LogicalResult ascend::tile::verifyVectorOp(Operation *op) {
  Type type = op->getOperand(0).getType();
  for (auto [index, operand] : llvm::enumerate(op->getOperands())) {
    if (failed(checkSpace(op, operand, "operand #" + std::to_string(index),
                          MemorySpace::UB)))
      return failure();
  }
  Type elem = cast<MemRefType>(type).getElementType();
  if (!isVectorElementType(elem))
    return op->emitOpError("element type must be f16, f32 or an integer of "
                           "1, 8, 16, 32 or 64 bits, not ")
           << elem;
  return success();
}

bool ascend::tile::isVectorElementType(Type elem) {
  auto integer = dyn_cast<IntegerType>(elem);
  if (!integer)
    return elem.isF16() || elem.isF32();
  unsigned width = integer.getWidth();
  return !integer.isSigned() && (width == 1 || width == 8 || width == 16 ||
                                 width == 32 || width == 64);
}

LogicalResult VConvOp::verify() {
  MemRefType src = getSrc().getType(), dst = getDst().getType();
  if (src.getShape() != dst.getShape())
    return emitOpError("source and target must have one shape");
  for (Value v : {getSrc(), getDst()})
    if (getMemorySpace(cast<MemRefType>(v.getType())) != MemorySpace::UB)
      return emitOpError("operands must be in ub");
  Type from = src.getElementType(), to = dst.getElementType();
  for (Type t : {from, to})
    if (!isVectorElementType(t))
      return emitOpError("element types must be f16, f32 or integers of 1, "
                         "8, 16, 32 or 64 bits, not ")
             << t;
  bool toInteger = isa<FloatType>(from) && to.isInteger();
  if (toInteger != getRound().has_value())
    return emitOpError(toInteger ? "a float to integer conversion needs a "
                                   "round mode"
                                 : "a round mode applies to float to integer "
                                   "conversions only");
  return success();
}

LogicalResult VGatherOp::verify() {
  for (auto [name, v] : {std::pair<StringRef, Value>{"src", getSrc()},
                         {"offsets", getOffsets()},
                         {"dst", getDst()}}) {
    auto type = cast<MemRefType>(v.getType());
    if (failed(checkSpace(*this, v, name, MemorySpace::UB)))
      return failure();
    if (type.getRank() != 1 || !type.areTrailingDimsContiguous(1))
      return emitOpError() << name << " must be a contiguous 1-D view";
  }
  MemRefType src = getSrc().getType(), dst = getDst().getType(),
             offsets = getOffsets().getType();
  if (src.getElementType() != dst.getElementType())
    return emitOpError("src and dst element types differ");
  unsigned bits = dst.getElementTypeBitWidth();
  if (bits != 16 && bits != 32)
    return emitOpError("lanes must have 16 or 32 bits, not ") << bits;
  if (!offsets.getElementType().isSignlessInteger(32))
    return emitOpError("offsets must be i32 byte offsets");
  if (offsets.getNumElements() != dst.getNumElements())
    return emitOpError("offsets and dst must have one number of elements");
  return success();
}

LogicalResult VNchwConvOp::verify() {
  if (failed(verifyVectorOp(*this)))
    return failure();
  auto src = getSrc().getType(), dst = getDst().getType();
  if (src.getShape() != dst.getShape() ||
      src.getElementType() != dst.getElementType())
    return emitOpError("source and target must have one shape and element "
                       "type");
  int64_t k = 256 / src.getElementTypeBitWidth();
  int64_t rank = src.getRank();
  if ((rank != 2 && rank != 3) || src.getDimSize(rank - 1) != k ||
      src.getDimSize(rank - 2) != k)
    return emitOpError("expects [K, K] or [repeat, K, K] with K = ")
           << k << " (one 32-byte block per row)";
  return success();
}

//===----------------------------------------------------------------------===//
// Row-wise ops
//===----------------------------------------------------------------------===//

/// Checks that `type` is rank `rank` with static strides, unit inner stride
/// (unless the inner dimension is 1) and a row stride of whole 32-byte
/// blocks (unless there is one row); returns the row stride in elements.
static FailureOr<int64_t> checkRows(Operation *op, StringRef name,
                                    MemRefType type, int64_t rank) {
  if (type.getRank() != rank)
    return op->emitOpError() << name << " must be " << rank << "-D";
  auto [strides, offset] = type.getStridesAndOffset();
  if (llvm::any_of(strides, ShapedType::isDynamic))
    return op->emitOpError() << name << " must have static strides";
  int64_t perBlock = 32 / (type.getElementTypeBitWidth() / 8);
  if (type.getDimSize(rank - 1) > 1 && strides[rank - 1] != 1)
    return op->emitOpError() << name << " must be contiguous within a row";
  if (!ShapedType::isDynamic(offset) && offset % perBlock != 0)
    return op->emitOpError()
           << name << " must start at a 32-byte block (offset " << offset
           << ")";
  if (rank == 1)
    return int64_t(1);
  if (type.getDimSize(0) > 1 && strides[0] % perBlock != 0)
    return op->emitOpError() << name << " rows must be whole 32-byte blocks "
                             << "apart, not " << strides[0] << " elements";
  return type.getDimSize(0) > 1 ? strides[0] : int64_t(0);
}

LogicalResult ascend::tile::verifyBroadcastOp(Operation *op) {
  if (failed(verifyVectorOp(op)))
    return failure();
  auto dst = cast<MemRefType>(op->getOperand(2).getType());
  if (failed(checkRows(op, "dst", dst, 2)))
    return failure();
  for (unsigned i = 0; i < 2; ++i) {
    auto src = cast<MemRefType>(op->getOperand(i).getType());
    StringRef name = i == 0 ? "lhs" : "rhs";
    if (src.getElementType() != dst.getElementType())
      return op->emitOpError() << name << " and dst element types differ";
    if (failed(checkRows(op, name, src, 2)))
      return failure();
    for (int64_t d = 0; d < 2; ++d)
      if (src.getDimSize(d) != dst.getDimSize(d) && src.getDimSize(d) != 1)
        return op->emitOpError()
               << name << " dimension " << d << " is " << src.getDimSize(d)
               << "; it must be " << dst.getDimSize(d) << " or 1";
  }
  return success();
}

LogicalResult ascend::tile::verifyBrcbOp(Operation *op) {
  if (failed(verifyVectorOp(op)))
    return failure();
  auto src = cast<MemRefType>(op->getOperand(0).getType());
  auto dst = cast<MemRefType>(op->getOperand(1).getType());
  int64_t perBlock = 32 / (src.getElementTypeBitWidth() / 8);
  if (src.getElementType() != dst.getElementType())
    return op->emitOpError("src and dst element types differ");
  if (failed(checkRows(op, "src", src, 1)) ||
      failed(checkRows(op, "dst", dst, 2)))
    return failure();
  int64_t n = src.getDimSize(0);
  if (n % 8 != 0)
    return op->emitOpError("src has ")
           << n << " elements; vbrcb reads 8 per repeat";
  if (dst.getDimSize(0) != n || dst.getDimSize(1) != perBlock ||
      !dst.areTrailingDimsContiguous(2))
    return op->emitOpError("dst must be a contiguous [")
           << n << ", " << perBlock << "] block per source element";
  return success();
}

LogicalResult ascend::tile::verifyRowReduceOp(Operation *op) {
  if (failed(verifyVectorOp(op)))
    return failure();
  auto src = cast<MemRefType>(op->getOperand(0).getType());
  auto dst = cast<MemRefType>(op->getOperand(1).getType());
  int64_t bytes = src.getElementTypeBitWidth() / 8;
  if (src.getElementType() != dst.getElementType())
    return op->emitOpError("src and dst element types differ");
  FailureOr<int64_t> stride = checkRows(op, "src", src, 2);
  if (failed(stride) || failed(checkRows(op, "dst", dst, 1)))
    return failure();
  if (src.getDimSize(1) > 256 / bytes)
    return op->emitOpError("rows of ")
           << src.getDimSize(1) << " elements exceed one repeat ("
           << 256 / bytes << " lanes)";
  if (*stride * bytes / 32 > 255)
    return op->emitOpError("rows are more than 255 blocks apart");
  if (dst.getDimSize(0) != src.getDimSize(0))
    return op->emitOpError("dst needs one element per row of src");
  return success();
}

//===----------------------------------------------------------------------===//
// Kernel structure and synchronization
//===----------------------------------------------------------------------===//

static LogicalResult verifyFlag(Operation *op, Pipe src, Pipe dst) {
  if (src == dst)
    return op->emitOpError("source and destination pipe are both '")
           << stringifyPipe(src) << "'; use tile.barrier within one pipe";
  return success();
}

LogicalResult SetFlagOp::verify() {
  return verifyFlag(*this, getSrc(), getDst());
}

LogicalResult WaitFlagOp::verify() {
  return verifyFlag(*this, getSrc(), getDst());
}

#define GET_OP_CLASSES
#include "tile/TileOps.cpp.inc"
