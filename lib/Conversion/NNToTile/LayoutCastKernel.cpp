//===- LayoutCastKernel.cpp - nchw <-> nc1hwc0 conversion kernels ---------===//
//
// A unit of work is one channel group (n, c1) of C0 channels and a chunk of
// P pixels (P a multiple of K = C0 = 32 bytes / element size, except the
// ragged last chunk of a row). Packing (nchw -> nc1hwc0):
//
//   rows[c][0:P]      <- gm input channel rows (byte-exact copy_pad: the
//                        rows start anywhere when H*W*es is not a multiple
//                        of 32; their padded tails are zeroed)
//   rows[cv:C0][:]     = 0 once, for the channels past C of the last group
//   pixels[p][c]       = rows[c][p]   (vnchwconv, K x K per repeat)
//   gm output pixels   <- pixels[0:P] (whole 32-byte blocks)
//
// Unpacking runs the same steps backwards and writes only the C valid
// channels. Units of one shape (full or last channel group, full or ragged
// chunk) form a family dealt round robin over the blocks.
//
//===----------------------------------------------------------------------===//

#include "LayoutCastKernel.h"

#include "GmType.h"
#include "UnitLoop.h"

#include "nn/NNLayout.h"
#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

using namespace mlir;
using namespace ascend;

bool ascend::isLayoutCastKernel(nn::KernelOp kernel) {
  Block &body = kernel.getBody().front();
  return body.getOperations().size() == 2 &&
         isa<nn::LayoutCastOp>(body.front());
}

namespace {
/// Emits the kernel body of one nchw <-> nc1hwc0 conversion.
struct CastEmitter {
  OpBuilder &b;
  Location loc;
  bool pack;
  Type elem;
  int64_t n, c, hw, k, c1, maxPixels;
  /// gm views: nchw as [N*C, HW], nc1hwc0 as [N*C1*HW, C0].
  Value rowsGm, pixelsGm;
  /// ub buffers: rows [C0, maxPixels], pixels [maxPixels, C0].
  Value rows, pixels;

  Value index(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value add(Value x, Value y) { return arith::AddIOp::create(b, loc, x, y); }
  Value mul(Value x, int64_t y) {
    return arith::MulIOp::create(b, loc, x, index(y));
  }
  Value subview(Value source, ArrayRef<OpFoldResult> offsets,
                ArrayRef<int64_t> sizes) {
    SmallVector<OpFoldResult> sizeAttrs, strides;
    for (int64_t s : sizes) {
      sizeAttrs.push_back(b.getIndexAttr(s));
      strides.push_back(b.getIndexAttr(1));
    }
    return memref::SubViewOp::create(b, loc, source, offsets, sizeAttrs,
                                     strides);
  }
  /// `buffer` ([rows, cols] in ub) seen as [repeats, K, K] with the given
  /// element strides.
  Value blocks(Value buffer, int64_t repeats, int64_t repStride,
               int64_t rowStride) {
    auto type = cast<MemRefType>(buffer.getType());
    auto layout =
        StridedLayoutAttr::get(b.getContext(), 0, {repStride, rowStride, 1});
    return memref::ReinterpretCastOp::create(
        b, loc,
        MemRefType::get({repeats, k, k}, elem, layout, type.getMemorySpace()),
        buffer, 0, ArrayRef<int64_t>{repeats, k, k},
        ArrayRef<int64_t>{repStride, rowStride, 1});
  }

  /// One unit: channel group `group` (n * C1 + c1) holding `valid`
  /// channels, pixels [p0, p0 + size).
  void emitUnit(Value image, Value c1Idx, Value p0, int64_t valid,
                int64_t size) {
    int64_t padded = (size + k - 1) / k * k;
    Value channelRow = add(mul(image, c), mul(c1Idx, k));
    Value pixelRow = add(mul(add(mul(image, c1), c1Idx), hw), p0);
    Value rowsGmTile = subview(rowsGm, {channelRow, p0}, {valid, size});
    Value rowsTile =
        subview(rows, {b.getIndexAttr(0), b.getIndexAttr(0)}, {valid, size});
    Value pixelsGmTile =
        subview(pixelsGm, {pixelRow, b.getIndexAttr(0)}, {size, k});
    Value pixelsTile =
        subview(pixels, {b.getIndexAttr(0), b.getIndexAttr(0)}, {size, k});
    // rows[c][p] <-> pixels[p][c], K x K blocks per repeat.
    Value rowBlocks = blocks(rows, padded / k, k, maxPixels);
    Value pixelBlocks = blocks(pixels, padded / k, k * k, k);
    if (pack) {
      tile::CopyOp::create(b, loc, rowsGmTile, rowsTile);
      tile::VNchwConvOp::create(b, loc, rowBlocks, pixelBlocks);
      tile::CopyOp::create(b, loc, pixelsTile, pixelsGmTile);
      return;
    }
    tile::CopyOp::create(b, loc, pixelsGmTile, pixelsTile);
    if (padded != size) // the transpose reads whole K-pixel blocks
      tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0),
                           subview(pixels,
                                   {b.getIndexAttr(size), b.getIndexAttr(0)},
                                   {padded - size, k}));
    tile::VNchwConvOp::create(b, loc, pixelBlocks, rowBlocks);
    tile::CopyOp::create(b, loc, rowsTile, rowsGmTile);
  }
};
} // namespace

FailureOr<func::FuncOp>
ascend::buildLayoutCastKernel(nn::KernelOp kernel, const MachineModel &machine,
                              OpBuilder &builder) {
  auto castOp = cast<nn::LayoutCastOp>(kernel.getBody().front().front());
  auto inType = castOp.getInput().getType();
  Type elem = inType.getElementType();
  bool pack = castOp.getFrom() == nn::Layout::NCHW &&
              castOp.getTo() == nn::Layout::NC1HWC0;
  bool unpack = castOp.getFrom() == nn::Layout::NC1HWC0 &&
                castOp.getTo() == nn::Layout::NCHW;
  if (!pack && !unpack)
    return castOp.emitError("cannot lower a layout_cast from '")
           << nn::stringifyLayout(castOp.getFrom()) << "' to '"
           << nn::stringifyLayout(castOp.getTo()) << "' yet";
  if (!elem.isF16() && !elem.isF32())
    return castOp.emitError("layout_cast of ")
           << elem << " is not supported (f16 and f32 are)";
  ArrayRef<int64_t> shape = inType.getShape();
  int64_t es = elem.getIntOrFloatBitWidth() / 8, k = 32 / es;
  int64_t n = shape[0], c = shape[1], hw = shape[2] * shape[3];
  int64_t c1 = (c + k - 1) / k;
  int64_t groups = n * c1;
  Location loc = kernel.getLoc();

  // Chunk size: whole rows when they fit, else enough chunks to feed every
  // core; vnchwconv rows are at most 255 blocks apart and the two ub buffers
  // (64 bytes per pixel) take at most half of ub.
  int64_t ubBytes = machine.getBuffer(MemorySpace::UB).size;
  int64_t limit = std::min<int64_t>(255 * 32 / es, ubBytes / 128) / k * k;
  int64_t roundedRow = (hw + k - 1) / k * k;
  int64_t chunksPerRow =
      std::max<int64_t>(1, (machine.cores + groups - 1) / groups);
  int64_t chunk = (hw + chunksPerRow - 1) / chunksPerRow;
  chunk = std::max<int64_t>(chunk, 8 * k);
  chunk = std::min({(chunk + k - 1) / k * k, roundedRow, limit});
  int64_t fullChunks = hw / chunk, tail = hw % chunk;
  int64_t maxPixels = fullChunks ? chunk : (tail + k - 1) / k * k;
  int64_t fullGroups = c % k == 0 ? c1 : c1 - 1;
  int64_t lastValid = c - (c1 - 1) * k;
  int64_t units = groups * (fullChunks + (tail ? 1 : 0));
  int64_t blocks =
      std::max<int64_t>(1, std::min<int64_t>(machine.cores, units));

  SmallVector<Type> argTypes = {getGmType(inType),
                                getGmType(kernel.getResult(0).getType())};
  func::FuncOp func =
      createTileKernel(builder, loc, kernel.getSymName(), argTypes, blocks);
  Block *entry = &func.getBody().front();
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(entry);

  Value nchwArg = entry->getArgument(pack ? 0 : 1);
  Value packedArg = entry->getArgument(pack ? 1 : 0);
  auto flat = [&](Value arg, ArrayRef<int64_t> sizes) -> Value {
    auto type = llvm::cast<MemRefType>(arg.getType());
    return memref::ReinterpretCastOp::create(
        builder, loc,
        MemRefType::get(sizes, elem, MemRefLayoutAttrInterface(),
                        type.getMemorySpace()),
        arg, 0, sizes, ArrayRef<int64_t>{sizes[1], 1});
  };
  auto ubSpace =
      tile::MemorySpaceAttr::get(builder.getContext(), MemorySpace::UB);
  auto ub = [&](ArrayRef<int64_t> sizes) -> Value {
    return memref::AllocOp::create(
        builder, loc,
        MemRefType::get(sizes, elem, MemRefLayoutAttrInterface(), ubSpace));
  };
  CastEmitter e{builder,
                loc,
                pack,
                elem,
                n,
                c,
                hw,
                k,
                c1,
                maxPixels,
                flat(nchwArg, {n * c, hw}),
                flat(packedArg, {groups * hw, k}),
                ub({k, maxPixels}),
                ub({maxPixels, k})};
  Value blockIdx =
      tile::BlockIdxOp::create(builder, loc, builder.getIndexType());

  // Families: (full groups, last group) x (full chunks, ragged chunk).
  FamilyFence fence(builder, loc, entry->getArgument(0));
  int64_t dealt = 0;
  for (bool lastGroup : {false, true}) {
    int64_t groupCount = lastGroup ? (fullGroups < c1 ? 1 : 0) : fullGroups;
    if (groupCount == 0)
      continue;
    int64_t valid = lastGroup ? lastValid : k;
    if (lastGroup && pack) // the channels past C pack as zeros
      tile::VDupOp::create(
          builder, loc, builder.getF64FloatAttr(0.0),
          e.subview(e.rows,
                    {builder.getIndexAttr(valid), builder.getIndexAttr(0)},
                    {k - valid, maxPixels}));
    for (bool ragged : {false, true}) {
      int64_t chunks = ragged ? (tail ? 1 : 0) : fullChunks;
      int64_t size = ragged ? tail : chunk;
      if (dealt > 0 && chunks > 0)
        fence.emit();
      dealt = buildDealtUnitLoop(
          builder, loc, blockIdx, n * groupCount * chunks, blocks, dealt,
          [&](Value unit) {
            SmallVector<Value> d =
                splitUnit(builder, loc, unit, {n, groupCount, chunks});
            Value c1Idx = lastGroup ? e.index(c1 - 1) : d[1];
            Value p0 =
                ragged ? e.index(fullChunks * chunk) : e.mul(d[2], chunk);
            e.emitUnit(d[0], c1Idx, p0, valid, size);
          });
    }
  }
  func::ReturnOp::create(builder, loc);
  return func;
}
