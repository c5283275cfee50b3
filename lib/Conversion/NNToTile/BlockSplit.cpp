//===- BlockSplit.cpp - Dealing tiles to blocks ---------------------------===//

#include "BlockSplit.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;

Value ascend::buildDealtTileCount(OpBuilder &b, Location loc, Value blockIdx,
                                  int64_t tiles, int64_t blocks) {
  auto index = [&](int64_t v) -> Value {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  Value left = arith::SubIOp::create(b, loc, index(tiles), blockIdx);
  Value roundedUp = arith::AddIOp::create(b, loc, left, index(blocks - 1));
  return arith::DivSIOp::create(b, loc, roundedUp, index(blocks));
}

Value ascend::buildOwnerTripCount(OpBuilder &b, Location loc, Value blockIdx,
                                  int64_t owner) {
  Value ownerIdx = arith::ConstantIndexOp::create(b, loc, owner);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value d = arith::SubIOp::create(b, loc, blockIdx, ownerIdx);
  Value nd = arith::SubIOp::create(b, loc, ownerIdx, blockIdx);
  Value dist = arith::MaxSIOp::create(b, loc, d, nd);
  return arith::SubIOp::create(b, loc, one,
                               arith::MinSIOp::create(b, loc, dist, one));
}
