//===- KernelCodegen.cpp - One tile kernel into isa instructions ----------===//

#include "KernelCodegen.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace ascend;

static constexpr uint32_t kNumRegisters = 32;

static int64_t elementBytes(MemRefType type) {
  return std::max<int64_t>(1, type.getElementTypeBitWidth() / 8);
}

KernelCodegen::KernelCodegen(func::FuncOp kernel, ArrayRef<int64_t> argOffsets,
                             isa::KernelOp target)
    : kernel(kernel), argOffsets(argOffsets), builder(target.getContext()) {
  builder.setInsertionPointToEnd(&target.getBody().front());
}

NamedAttribute KernelCodegen::i32(StringRef name, int64_t value) {
  return builder.getNamedAttr(name, builder.getI32IntegerAttr(value));
}

void KernelCodegen::emit(Location loc, StringRef name,
                         ArrayRef<NamedAttribute> attrs) {
  OperationState state(loc, name);
  state.addAttributes(attrs);
  builder.create(state);
}

isa::AddressAttr KernelCodegen::makeAddress(Address address, int64_t extra) {
  return isa::AddressAttr::get(builder.getContext(), address.space, address.reg,
                               address.imm + extra);
}

FailureOr<uint32_t> KernelCodegen::allocateRegister(Location loc) {
  for (uint32_t reg = 1; reg < kNumRegisters; ++reg) {
    if (holds[reg] == 0) {
      holds[reg] = 1;
      return reg;
    }
  }
  return emitError(loc) << "kernel '" << kernel.getSymName()
                        << "' needs more than " << kNumRegisters
                        << " scalar registers";
}

void KernelCodegen::retain(uint32_t reg) {
  if (reg != 0)
    ++holds[reg];
}

void KernelCodegen::release(uint32_t reg) {
  if (reg != 0 && holds[reg] > 0)
    --holds[reg];
}

void KernelCodegen::releaseValue(Value value) {
  if (auto it = scalars.find(value); it != scalars.end()) {
    if (!it->second.constant)
      release(it->second.reg);
    return;
  }
  if (auto it = addresses.find(value); it != addresses.end())
    release(it->second.reg);
}

void KernelCodegen::computeLastUses() {
  // A value used inside a nested region lives until the op holding that
  // region (in the value's own block) is done.
  llvm::DenseMap<Value, Operation *> lastUse;
  kernel.walk([&](Operation *op) {
    for (Value result : op->getResults())
      if (result.use_empty())
        dying[op].push_back(result);
    for (Value operand : op->getOperands()) {
      if (!llvm::isa<OpResult>(operand))
        continue;
      Operation *at = operand.getParentBlock()->findAncestorOpInBlock(*op);
      if (!at)
        continue;
      Operation *&last = lastUse[operand];
      if (!last || last->isBeforeInBlock(at))
        last = at;
    }
  });
  for (auto [value, op] : lastUse)
    dying[op].push_back(value);
}

FailureOr<uint32_t>
KernelCodegen::inRegister(Scalar scalar, Location loc,
                          SmallVectorImpl<uint32_t> &temps) {
  if (!scalar.constant)
    return scalar.reg;
  if (*scalar.constant == 0)
    return 0u;
  FailureOr<uint32_t> reg = allocateRegister(loc);
  if (failed(reg))
    return failure();
  temps.push_back(*reg);
  emit(loc, "isa.li",
       {i32("dst", *reg), builder.getNamedAttr("imm", builder.getI64IntegerAttr(
                                                          *scalar.constant))});
  return *reg;
}

FailureOr<KernelCodegen::Scalar> KernelCodegen::getScalar(Value value) {
  auto it = scalars.find(value);
  if (it != scalars.end())
    return it->second;
  if (auto constant = value.getDefiningOp<arith::ConstantIndexOp>())
    return Scalar{constant.value(), 0};
  return emitError(value.getLoc(), "index value is not computed by a "
                                   "supported op (arith, scf.for, "
                                   "tile.block_idx)");
}

FailureOr<KernelCodegen::Address> KernelCodegen::getAddress(Value memref) {
  auto it = addresses.find(memref);
  if (it != addresses.end())
    return it->second;
  return emitError(memref.getLoc(), "memref is not a kernel argument, a "
                                    "planned memref.alloc or a subview of "
                                    "one");
}

LogicalResult KernelCodegen::run() {
  Location loc = kernel.getLoc();
  emit(loc, "isa.li",
       {i32("dst", 0),
        builder.getNamedAttr("imm", builder.getI64IntegerAttr(0))});
  for (auto [index, arg] : llvm::enumerate(kernel.getArguments())) {
    if (!llvm::isa<MemRefType>(arg.getType()))
      return kernel.emitError("kernel argument #")
             << index << " is not a memref";
    addresses[arg] = {MemorySpace::GM, 0, argOffsets[index]};
  }
  computeLastUses();
  return emitBlock(kernel.getBody().front());
}

LogicalResult KernelCodegen::emitBlock(Block &block) {
  for (Operation &op : block) {
    if (failed(emitOp(&op)))
      return failure();
    // Registers of values that are now dead can be reused.
    for (Value value : dying.lookup(&op))
      releaseValue(value);
  }
  return success();
}

LogicalResult KernelCodegen::emitOp(Operation *op) {
  Location loc = op->getLoc();
  return llvm::TypeSwitch<Operation *, LogicalResult>(op)
      .Case([&](arith::ConstantOp) { return success(); })
      .Case<arith::AddIOp, arith::SubIOp, arith::MulIOp, arith::DivSIOp,
            arith::DivUIOp, arith::MinSIOp, arith::MaxSIOp>(
          [&](Operation *arith) { return emitIndexArith(arith); })
      .Case([&](tile::BlockIdxOp blockIdx) -> LogicalResult {
        FailureOr<uint32_t> reg = allocateRegister(loc);
        if (failed(reg))
          return failure();
        emit(loc, "isa.get_block_idx", {i32("dst", *reg)});
        scalars[blockIdx.getResult()] = {std::nullopt, *reg};
        return success();
      })
      .Case([&](memref::AllocOp alloc) -> LogicalResult {
        auto offset = alloc->getAttrOfType<IntegerAttr>("tile.offset");
        std::optional<MemorySpace> space =
            tile::getMemorySpace(alloc.getType());
        if (!offset || !space || *space == MemorySpace::GM)
          return alloc.emitError("on-chip buffer has no planned "
                                 "tile.offset; run ascend-plan-memory first");
        addresses[alloc.getResult()] = {*space, 0, offset.getInt()};
        return success();
      })
      .Case([&](memref::SubViewOp subview) { return emitSubview(subview); })
      .Case<memref::ReinterpretCastOp, memref::CollapseShapeOp,
            memref::ExpandShapeOp, memref::TransposeOp>(
          [&](Operation *view) -> LogicalResult {
            // Views start where their source starts (plus a static offset for
            // reinterpret_cast); a transpose only permutes strides.
            FailureOr<Address> source = getAddress(view->getOperand(0));
            if (failed(source))
              return failure();
            Address address = *source;
            if (auto cast = dyn_cast<memref::ReinterpretCastOp>(view)) {
              if (cast.getOffsets().size() || cast.getStaticOffsets().empty() ||
                  ShapedType::isDynamic(cast.getStaticOffsets()[0]))
                return view->emitError(
                    "reinterpret_cast needs a static offset");
              address.imm +=
                  cast.getStaticOffsets()[0] * elementBytes(cast.getType());
            }
            retain(address.reg);
            addresses[view->getResult(0)] = address;
            return success();
          })
      .Case([&](scf::ForOp loop) { return emitFor(loop); })
      .Case([&](scf::YieldOp) { return success(); })
      .Case([&](func::ReturnOp) { return success(); })
      .Case([&](tile::CopyOp copy) { return emitCopy(copy); })
      .Case([&](tile::MmadOp mmad) { return emitMmad(mmad); })
      .Case([&](tile::LoadTransposeOp load) { return emitLoadTranspose(load); })
      .Case([&](tile::VNchwConvOp conv) { return emitNchwConv(conv); })
      .Case([&](tile::Img2ColOp img2col) { return emitImg2Col(img2col); })
      .Case([&](tile::VConvOp conv) { return emitConv(conv); })
      .Case<tile::VAddOp, tile::VSubOp, tile::VMulOp, tile::VDivOp,
            tile::VMaxOp, tile::VMinOp, tile::VReluOp, tile::VExpOp,
            tile::VLnOp, tile::VAbsOp, tile::VSqrtOp, tile::VRecOp,
            tile::VRsqrtOp, tile::VAddsOp, tile::VMulsOp, tile::VMaxsOp,
            tile::VMinsOp, tile::VDupOp, tile::VAndOp, tile::VOrOp,
            tile::VNotOp, tile::VCmpOp, tile::VSelOp>(
          [&](Operation *vector) { return emitVector(vector); })
      .Case<tile::VBcastAddOp, tile::VBcastSubOp, tile::VBcastMulOp,
            tile::VBcastDivOp, tile::VBcastMaxOp, tile::VBcastMinOp>(
          [&](Operation *vector) { return emitBroadcastBinary(vector); })
      .Case([&](tile::VBrcbOp brcb) { return emitBrcb(brcb); })
      .Case([&](tile::VGatherOp gather) { return emitGather(gather); })
      .Case<tile::VReduceSumOp, tile::VReduceMaxOp, tile::VReduceMinOp>(
          [&](Operation *reduce) { return emitRowReduce(reduce); })
      .Case<tile::SetFlagOp, tile::WaitFlagOp>([&](auto flag) {
        auto pipe = [&](Pipe p) {
          return isa::PipeAttr::get(builder.getContext(), p);
        };
        emit(loc,
             llvm::isa<tile::SetFlagOp>(op) ? "isa.set_flag" : "isa.wait_flag",
             {builder.getNamedAttr("src", pipe(flag.getSrc())),
              builder.getNamedAttr("dst", pipe(flag.getDst())),
              i32("event", flag.getEvent())});
        return success();
      })
      .Case([&](tile::BarrierOp barrier) {
        emit(loc, "isa.barrier",
             {builder.getNamedAttr(
                 "pipe",
                 isa::PipeAttr::get(builder.getContext(), barrier.getPipe()))});
        return success();
      })
      .Default([&](Operation *other) {
        return other->emitError("cannot lower '")
               << other->getName() << "' to isa instructions";
      });
}

//===----------------------------------------------------------------------===//
// Scalars and loops
//===----------------------------------------------------------------------===//

LogicalResult KernelCodegen::emitIndexArith(Operation *op) {
  Location loc = op->getLoc();
  FailureOr<Scalar> lhs = getScalar(op->getOperand(0));
  FailureOr<Scalar> rhs = getScalar(op->getOperand(1));
  if (failed(lhs) || failed(rhs))
    return failure();
  // Fold constants at compile time.
  if (lhs->constant && rhs->constant) {
    int64_t a = *lhs->constant, b = *rhs->constant, v;
    if ((llvm::isa<arith::DivSIOp, arith::DivUIOp>(op)) && b == 0)
      return op->emitError("division by zero");
    v = llvm::TypeSwitch<Operation *, int64_t>(op)
            .Case([&](arith::AddIOp) { return a + b; })
            .Case([&](arith::SubIOp) { return a - b; })
            .Case([&](arith::MulIOp) { return a * b; })
            .Case<arith::DivSIOp, arith::DivUIOp>(
                [&](Operation *) { return a / b; })
            .Case([&](arith::MinSIOp) { return std::min(a, b); })
            .Case([&](arith::MaxSIOp) { return std::max(a, b); });
    scalars[op->getResult(0)] = {v, 0};
    return success();
  }
  FailureOr<uint32_t> dst = allocateRegister(loc);
  if (failed(dst))
    return failure();
  scalars[op->getResult(0)] = {std::nullopt, *dst};
  // Register and immediate forms where the ISA has them.
  if (llvm::isa<arith::AddIOp, arith::MulIOp>(op) &&
      (lhs->constant || rhs->constant)) {
    Scalar reg = lhs->constant ? *rhs : *lhs;
    int64_t imm = lhs->constant ? *lhs->constant : *rhs->constant;
    emit(loc, llvm::isa<arith::AddIOp>(op) ? "isa.saddi" : "isa.smuli",
         {i32("dst", *dst), i32("src", reg.reg),
          builder.getNamedAttr("imm", builder.getI64IntegerAttr(imm))});
    return success();
  }
  SmallVector<uint32_t, 2> temps;
  auto releaseTemps = llvm::scope_exit([&] {
    for (uint32_t reg : temps)
      release(reg);
  });
  FailureOr<uint32_t> a = inRegister(*lhs, loc, temps);
  if (failed(a))
    return failure();
  FailureOr<uint32_t> b = inRegister(*rhs, loc, temps);
  if (failed(b))
    return failure();
  StringRef name = llvm::TypeSwitch<Operation *, StringRef>(op)
                       .Case([](arith::AddIOp) { return "isa.sadd"; })
                       .Case([](arith::SubIOp) { return "isa.ssub"; })
                       .Case([](arith::MulIOp) { return "isa.smul"; })
                       .Case<arith::DivSIOp, arith::DivUIOp>(
                           [](Operation *) { return "isa.sdiv"; })
                       .Case([](arith::MinSIOp) { return "isa.smin"; })
                       .Case([](arith::MaxSIOp) { return "isa.smax"; });
  emit(loc, name, {i32("dst", *dst), i32("lhs", *a), i32("rhs", *b)});
  return success();
}

LogicalResult KernelCodegen::emitFor(scf::ForOp loop) {
  Location loc = loop.getLoc();
  if (!loop.getInitArgs().empty())
    return loop.emitError("loops carrying values are not supported");
  FailureOr<Scalar> lb = getScalar(loop.getLowerBound());
  FailureOr<Scalar> ub = getScalar(loop.getUpperBound());
  FailureOr<Scalar> step = getScalar(loop.getStep());
  if (failed(lb) || failed(ub) || failed(step))
    return failure();
  if (!step->constant || *step->constant <= 0)
    return loop.emitError("loop step must be a positive constant");
  int64_t s = *step->constant;
  // The loop holds its count and induction variable until it ends; values
  // defined in the body are released at their last use.
  SmallVector<uint32_t, 4> held;
  auto releaseHeld = llvm::scope_exit([&] {
    for (uint32_t reg : held)
      release(reg);
  });

  // Trip count: a constant, or (ub - lb + s - 1) / s in registers.
  FailureOr<uint32_t> count = allocateRegister(loc);
  if (failed(count))
    return failure();
  held.push_back(*count);
  if (lb->constant && ub->constant) {
    int64_t trips =
        std::max<int64_t>(0, (*ub->constant - *lb->constant + s - 1) / s);
    if (trips == 0)
      return success();
    emit(loc, "isa.li",
         {i32("dst", *count),
          builder.getNamedAttr("imm", builder.getI64IntegerAttr(trips))});
  } else {
    FailureOr<uint32_t> u = inRegister(*ub, loc, held);
    if (failed(u))
      return failure();
    FailureOr<uint32_t> l = inRegister(*lb, loc, held);
    if (failed(l))
      return failure();
    emit(loc, "isa.ssub", {i32("dst", *count), i32("lhs", *u), i32("rhs", *l)});
    if (s != 1) {
      emit(loc, "isa.saddi",
           {i32("dst", *count), i32("src", *count),
            builder.getNamedAttr("imm", builder.getI64IntegerAttr(s - 1))});
      FailureOr<uint32_t> divisor = inRegister({s, 0}, loc, held);
      if (failed(divisor))
        return failure();
      emit(loc, "isa.sdiv",
           {i32("dst", *count), i32("lhs", *count), i32("rhs", *divisor)});
    }
  }
  // The induction variable lives in a register bumped at the end of the body.
  FailureOr<uint32_t> iv = allocateRegister(loc);
  if (failed(iv))
    return failure();
  held.push_back(*iv);
  if (lb->constant)
    emit(loc, "isa.li",
         {i32("dst", *iv),
          builder.getNamedAttr("imm",
                               builder.getI64IntegerAttr(*lb->constant))});
  else
    emit(loc, "isa.saddi",
         {i32("dst", *iv), i32("src", lb->reg),
          builder.getNamedAttr("imm", builder.getI64IntegerAttr(0))});
  scalars[loop.getInductionVar()] = {std::nullopt, *iv};

  OperationState state(loc, "isa.loop");
  state.addAttribute("count", builder.getI32IntegerAttr(*count));
  state.addRegion()->emplaceBlock();
  Operation *isaLoop = builder.create(state);
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToEnd(&isaLoop->getRegion(0).front());
  if (failed(emitBlock(*loop.getBody())))
    return failure();
  emit(loc, "isa.saddi",
       {i32("dst", *iv), i32("src", *iv),
        builder.getNamedAttr("imm", builder.getI64IntegerAttr(s))});
  return success();
}

//===----------------------------------------------------------------------===//
// Addresses
//===----------------------------------------------------------------------===//

LogicalResult KernelCodegen::emitSubview(memref::SubViewOp subview) {
  Location loc = subview.getLoc();
  FailureOr<Address> base = getAddress(subview.getSource());
  if (failed(base))
    return failure();
  MemRefType sourceType = subview.getSource().getType();
  // The source's (possibly dynamic) offset is already in its address.
  auto [strides, offset] = sourceType.getStridesAndOffset();
  if (llvm::any_of(strides, ShapedType::isDynamic))
    return subview.emitError("subview of a memref with dynamic strides");
  int64_t bytes = elementBytes(sourceType);
  Address address = *base;
  bool ownRegister = false;
  for (auto [index, ofr] : llvm::enumerate(subview.getMixedOffsets())) {
    int64_t scale = strides[index] * bytes;
    if (auto attr = dyn_cast<Attribute>(ofr)) {
      address.imm += cast<IntegerAttr>(attr).getInt() * scale;
      continue;
    }
    FailureOr<Scalar> value = getScalar(cast<Value>(ofr));
    if (failed(value))
      return failure();
    if (value->constant) {
      address.imm += *value->constant * scale;
      continue;
    }
    // address.reg + value * scale
    FailureOr<uint32_t> scaled = allocateRegister(loc);
    if (failed(scaled))
      return failure();
    emit(loc, "isa.smuli",
         {i32("dst", *scaled), i32("src", value->reg),
          builder.getNamedAttr("imm", builder.getI64IntegerAttr(scale))});
    if (ownRegister) {
      // A further dynamic offset of this subview: add the term into the
      // view's register and free the temporary (one register per view).
      emit(loc, "isa.sadd",
           {i32("dst", address.reg), i32("lhs", address.reg),
            i32("rhs", *scaled)});
      release(*scaled);
      continue;
    }
    if (address.reg != 0)
      emit(loc, "isa.sadd",
           {i32("dst", *scaled), i32("lhs", *scaled), i32("rhs", address.reg)});
    // A register this subview computed earlier is only an intermediate.
    if (address.reg != base->reg)
      release(address.reg);
    address.reg = *scaled;
    ownRegister = true;
  }
  // The result holds its register: the base's, or the one computed here.
  if (address.reg == base->reg)
    retain(address.reg);
  addresses[subview.getResult()] = address;
  return success();
}

//===----------------------------------------------------------------------===//
// Tile ops
//===----------------------------------------------------------------------===//

/// Bytes of the innermost contiguous run shared by both sides, and the
/// byte strides of the dimensions outside it (as lists of (extent, src
/// stride, dst stride)).
struct ascend::CopyShape {
  int64_t runBytes = 0;
  SmallVector<std::tuple<int64_t, int64_t, int64_t>> outer;
};

/// How many instructions unrolling `dims` (extent, src stride, dst stride)
/// takes, and the source and destination byte offsets of instruction `i`.
using OuterDims = ArrayRef<std::tuple<int64_t, int64_t, int64_t>>;
static int64_t getUnrolledCount(OuterDims dims) {
  int64_t total = 1;
  for (auto [extent, s, d] : dims)
    total *= extent;
  return total;
}
static std::pair<int64_t, int64_t> getUnrolledOffsets(OuterDims dims,
                                                      int64_t i) {
  int64_t srcOffset = 0, dstOffset = 0;
  for (auto [extent, s, d] : dims) {
    srcOffset += (i % extent) * s;
    dstOffset += (i % extent) * d;
    i /= extent;
  }
  return {srcOffset, dstOffset};
}

static FailureOr<CopyShape> getCopyShape(MemRefType src, MemRefType dst) {
  auto [srcStrides, srcOffset] = src.getStridesAndOffset();
  auto [dstStrides, dstOffset] = dst.getStridesAndOffset();
  if (llvm::any_of(srcStrides, ShapedType::isDynamic) ||
      llvm::any_of(dstStrides, ShapedType::isDynamic))
    return failure();
  int64_t bytes = elementBytes(src);
  ArrayRef<int64_t> shape = src.getShape();
  CopyShape result;
  int64_t run = 1;
  int rank = shape.size(), dim = rank - 1;
  // Merge inner dimensions while both sides stay contiguous.
  while (dim >= 0 && srcStrides[dim] == run && dstStrides[dim] == run) {
    run *= shape[dim];
    --dim;
  }
  result.runBytes = run * bytes;
  for (; dim >= 0; --dim)
    if (shape[dim] > 1)
      result.outer.push_back(
          {shape[dim], srcStrides[dim] * bytes, dstStrides[dim] * bytes});
  return result;
}

LogicalResult KernelCodegen::emitCopy(tile::CopyOp copy) {
  FailureOr<Address> src = getAddress(copy.getSource());
  FailureOr<Address> dst = getAddress(copy.getTarget());
  if (failed(src) || failed(dst))
    return failure();
  MemRefType type = copy.getSource().getType();
  Location loc = copy.getLoc();
  MemorySpace from = src->space, to = dst->space;

  if (from == MemorySpace::L1 &&
      (to == MemorySpace::L0A || to == MemorySpace::L0B)) {
    FailureOr<CopyShape> shape = getCopyShape(type, copy.getTarget().getType());
    if (failed(shape) || shape->runBytes % 512 != 0)
      return copy.emitError("l1 -> l0 copies move whole 512-byte fractals");
    // Contiguous fractals, or single fractals gathered with a source stride
    // into consecutive destination fractals (one load2d per further outer
    // dimension index).
    int64_t count = shape->runBytes / 512, stride = 1;
    ArrayRef<std::tuple<int64_t, int64_t, int64_t>> rest = shape->outer;
    if (!rest.empty() && shape->runBytes == 512 &&
        std::get<2>(rest.front()) == 512 &&
        std::get<1>(rest.front()) % 512 == 0 &&
        std::get<1>(rest.front()) / 512 <= 65535) {
      count = std::get<0>(rest.front());
      stride = std::get<1>(rest.front()) / 512;
      rest = rest.drop_front();
    }
    int64_t total = getUnrolledCount(rest);
    if (count > 4095 || total > 4096)
      return copy.emitError("l1 -> l0 copy is too large; tile it");
    for (int64_t i = 0; i < total; ++i) {
      auto [srcOffset, dstOffset] = getUnrolledOffsets(rest, i);
      if (dstOffset % 512 != 0 || srcOffset % 32 != 0)
        return copy.emitError("l1 -> l0 copies move whole 512-byte fractals");
      emit(loc, "isa.load2d",
           {builder.getNamedAttr("dst", makeAddress(*dst, dstOffset)),
            builder.getNamedAttr("src", makeAddress(*src, srcOffset)),
            i32("count", count), i32("src_stride", stride),
            builder.getNamedAttr("dtype",
                                 TypeAttr::get(type.getElementType()))});
    }
    return success();
  }
  if (from == MemorySpace::L0C && to == MemorySpace::UB) {
    // Contiguous runs of whole fractals; outer dimensions unroll. Strides
    // are in elements here, since the two sides may differ in type.
    MemRefType target = copy.getTarget().getType();
    FailureOr<CopyShape> shape = getCopyShape(type, target);
    int64_t srcBytes = elementBytes(type), dstBytes = elementBytes(target);
    if (failed(shape) || (shape->runBytes / srcBytes) % 256 != 0)
      return copy.emitError("l0c -> ub copies move whole 16 x 16 fractals");
    int64_t total = getUnrolledCount(shape->outer);
    if (total > 4096)
      return copy.emitError("l0c -> ub copy is too large; tile it");
    for (int64_t i = 0; i < total; ++i) {
      auto [srcOffset, scaledDst] = getUnrolledOffsets(shape->outer, i);
      // The strides were scaled by the source element size.
      int64_t dstOffset = scaledDst / srcBytes * dstBytes;
      emit(loc, "isa.l0c_to_ub",
           {builder.getNamedAttr("dst", makeAddress(*dst, dstOffset)),
            builder.getNamedAttr("src", makeAddress(*src, srcOffset)),
            i32("count", shape->runBytes / srcBytes / 256),
            builder.getNamedAttr("dtype",
                                 TypeAttr::get(target.getElementType()))});
    }
    return success();
  }
  return emitBurstCopy(copy, *dst, *src);
}

/// Calls `fn(srcOffset, dstOffset, firstBurst, bursts)` for every
/// instruction of a copy: each index of the unrolled outer dimensions, times
/// groups of at most 4095 of the `nburst` bursts.
static LogicalResult forEachCopyInstruction(
    tile::CopyOp copy, OuterDims unrolled, int64_t nburst,
    function_ref<void(int64_t, int64_t, int64_t, int64_t)> fn) {
  int64_t total = getUnrolledCount(unrolled);
  if (total > 4096)
    return copy.emitError("copy needs more than 4096 instructions; tile it");
  for (int64_t i = 0; i < total; ++i) {
    auto [srcOffset, dstOffset] = getUnrolledOffsets(unrolled, i);
    for (int64_t first = 0; first < nburst; first += 4095)
      fn(srcOffset, dstOffset, first, std::min<int64_t>(4095, nburst - first));
  }
  return success();
}

LogicalResult KernelCodegen::emitBurstCopy(tile::CopyOp copy, Address dst,
                                           Address src) {
  FailureOr<CopyShape> shape =
      getCopyShape(copy.getSource().getType(), copy.getTarget().getType());
  if (failed(shape))
    return copy.emitError("copy between memrefs with dynamic strides");
  int64_t run = shape->runBytes;
  // One burst dimension per instruction; further outer dimensions unroll.
  int64_t nburst = 1, srcStep = run, dstStep = run;
  SmallVector<std::tuple<int64_t, int64_t, int64_t>> unrolled;
  if (!shape->outer.empty()) {
    std::tie(nburst, srcStep, dstStep) = shape->outer.front();
    unrolled.assign(shape->outer.begin() + 1, shape->outer.end());
  }
  bool blocks = run % 32 == 0 && (srcStep - run) % 32 == 0 &&
                (dstStep - run) % 32 == 0 && srcStep >= run && dstStep >= run;
  // Rows of any length at any gm byte go through the padding copy, which
  // keeps whole blocks on the ub side.
  bool gmUb = (src.space == MemorySpace::GM && dst.space == MemorySpace::UB) ||
              (src.space == MemorySpace::UB && dst.space == MemorySpace::GM);
  if (!blocks && gmUb)
    return emitPadCopy(copy, dst, src, *shape);
  if (run % 32 != 0)
    return copy.emitError("copy moves rows of ")
           << run << " bytes; bursts move whole 32-byte blocks";
  if (!blocks)
    return copy.emitError("copy strides are not whole 32-byte blocks apart");
  // Hardware limits: at most 4095 bursts of at most 65535 blocks.
  if (run / 32 > 65535)
    return copy.emitError("copy run of ") << run << " bytes is too long";
  return forEachCopyInstruction(
      copy, unrolled, nburst,
      [&](int64_t srcOffset, int64_t dstOffset, int64_t first, int64_t count) {
        emit(copy.getLoc(), "isa.copy",
             {builder.getNamedAttr(
                  "dst", makeAddress(dst, dstOffset + first * dstStep)),
              builder.getNamedAttr(
                  "src", makeAddress(src, srcOffset + first * srcStep)),
              i32("nburst", count), i32("len", run / 32),
              i32("src_gap", (srcStep - run) / 32),
              i32("dst_gap", (dstStep - run) / 32)});
      });
}

LogicalResult KernelCodegen::emitPadCopy(tile::CopyOp copy, Address dst,
                                         Address src, const CopyShape &shape) {
  int64_t run = shape.runBytes;
  int64_t nburst = 1, srcStep = run, dstStep = run;
  ArrayRef<std::tuple<int64_t, int64_t, int64_t>> unrolled = shape.outer;
  if (!unrolled.empty()) {
    std::tie(nburst, srcStep, dstStep) = unrolled.front();
    unrolled = unrolled.drop_front();
  }
  bool load = src.space == MemorySpace::GM;
  int64_t gmStep = load ? srcStep : dstStep, ubStep = load ? dstStep : srcStep;
  if (nburst > 1 &&
      (ubStep % 32 != 0 || ubStep < (run + 31) / 32 * 32 || gmStep < run))
    return copy.emitError("copy of ")
           << run << "-byte rows needs ub rows a whole number of 32-byte "
           << "blocks apart that do not overlap";
  // Rows longer than the instruction's 65535 bytes go in segments of whole
  // blocks, so every segment starts at a block in ub.
  constexpr int64_t kSegment = 65504;
  bool emitted = false;
  return forEachCopyInstruction(
      copy, unrolled, nburst,
      [&](int64_t srcOffset, int64_t dstOffset, int64_t first, int64_t count) {
        for (int64_t seg = 0; seg < run; seg += kSegment) {
          // Pieces of one copy may meet inside a 32-byte granule of gm (rows
          // start at any byte): order their writes.
          if (!load && emitted)
            emit(copy.getLoc(), "isa.barrier",
                 {builder.getNamedAttr(
                     "pipe",
                     isa::PipeAttr::get(builder.getContext(), Pipe::MTE3))});
          emitted = true;
          emit(copy.getLoc(), "isa.copy_pad",
               {builder.getNamedAttr(
                    "dst", makeAddress(dst, dstOffset + first * dstStep + seg)),
                builder.getNamedAttr(
                    "src", makeAddress(src, srcOffset + first * srcStep + seg)),
                i32("nburst", count), i32("len", std::min(kSegment, run - seg)),
                i32("src_stride", count > 1 ? srcStep : 0),
                i32("dst_stride", count > 1 ? dstStep : 0)});
        }
      });
}

LogicalResult KernelCodegen::emitNchwConv(tile::VNchwConvOp conv) {
  FailureOr<Address> src = getAddress(conv.getSrc());
  FailureOr<Address> dst = getAddress(conv.getDst());
  if (failed(src) || failed(dst))
    return failure();
  // Strides of the repeat and row dimensions in 32-byte blocks; the last
  // dimension is one contiguous block.
  auto blockStrides =
      [&](MemRefType type) -> FailureOr<std::pair<int64_t, int64_t>> {
    auto [strides, offset] = type.getStridesAndOffset();
    int64_t rank = type.getRank(), bytes = elementBytes(type);
    if (llvm::any_of(strides, ShapedType::isDynamic) || strides.back() != 1)
      return failure();
    int64_t row = strides[rank - 2] * bytes;
    int64_t rep = rank == 3 ? strides[0] * bytes : 0;
    if (row % 32 != 0 || rep % 32 != 0 || row / 32 > 255 || rep / 32 > 65535)
      return failure();
    return std::make_pair(rep / 32, row / 32);
  };
  MemRefType srcType = conv.getSrc().getType();
  auto s = blockStrides(srcType), d = blockStrides(conv.getDst().getType());
  if (failed(s) || failed(d))
    return conv.emitError("vnchwconv rows must be 32-byte blocks at most 255 "
                          "blocks apart");
  int64_t repeats = srcType.getRank() == 3 ? srcType.getDimSize(0) : 1;
  for (int64_t first = 0; first < repeats; first += 255)
    emit(
        conv.getLoc(), "isa.vnchwconv",
        {builder.getNamedAttr("dst", makeAddress(*dst, first * d->first * 32)),
         builder.getNamedAttr("src", makeAddress(*src, first * s->first * 32)),
         builder.getNamedAttr("dtype", TypeAttr::get(srcType.getElementType())),
         i32("repeat", std::min<int64_t>(255, repeats - first)),
         i32("dst_stride", d->second), i32("src_stride", s->second),
         i32("dst_rep", d->first), i32("src_rep", s->first)});
  return success();
}

/// A strided vector operand: `rows` rows `rowBytes` apart of pixels whose
/// 32-byte blocks are `blk` blocks apart.
struct PixelView {
  int64_t rows = 1, rowBytes = 0, blk = 1;
};

/// `type` as [pixels, one block] or [rows, pixels, one block], or nothing
/// when it is neither.
static std::optional<PixelView> getPixelView(MemRefType type) {
  auto [strides, offset] = type.getStridesAndOffset();
  int64_t bytes = elementBytes(type), rank = type.getRank();
  if ((rank != 2 && rank != 3) || type.getDimSize(rank - 1) * bytes != 32 ||
      llvm::any_of(strides, ShapedType::isDynamic) || strides.back() != 1)
    return std::nullopt;
  int64_t pixel = strides[rank - 2] * bytes;
  if (pixel % 32 != 0 || pixel / 32 > 31)
    return std::nullopt;
  PixelView view;
  view.blk = pixel / 32;
  if (rank == 3) {
    view.rows = type.getDimSize(0);
    view.rowBytes = strides[0] * bytes;
  }
  return view;
}

/// The isa lane type of a tile element type: unsigned 16/32-bit data
/// computes as signed lanes of its width (the lowering handles the order),
/// 64-bit data has lanes of both signednesses, and i1 is a byte holding 0
/// or 1, a u8 to vconv.
static Type getLaneType(Type elem) {
  auto integer = dyn_cast<IntegerType>(elem);
  if (!integer)
    return elem;
  if (integer.getWidth() == 1)
    return IntegerType::get(elem.getContext(), 8, IntegerType::Unsigned);
  if (integer.getWidth() == 8 || integer.getWidth() == 64)
    return elem;
  return IntegerType::get(elem.getContext(), integer.getWidth());
}

LogicalResult KernelCodegen::emitVector(Operation *op) {
  SmallVector<Address> operands;
  // Contiguous operands run 8 blocks per repeat; otherwise every operand
  // must be a column of 32-byte blocks (one pixel's C0 channels each) with
  // its own block stride, 8 pixels per repeat.
  bool contiguous = llvm::all_of(op->getOperandTypes(), [](Type t) {
    auto type = cast<MemRefType>(t);
    return type.getLayout().isIdentity() ||
           type.areTrailingDimsContiguous(type.getRank());
  });
  SmallVector<int64_t> blk, rowBytes;
  int64_t rows = 1;
  for (Value operand : op->getOperands()) {
    // (vadds & co. carry their scalar as an attribute, not an operand.)
    auto type = cast<MemRefType>(operand.getType());
    if (!contiguous) {
      std::optional<PixelView> view = getPixelView(type);
      if (!view)
        return op->emitError("vector operands must be contiguous or rows of "
                             "32-byte blocks at most 31 blocks apart");
      blk.push_back(view->blk);
      rowBytes.push_back(view->rowBytes);
      rows = view->rows; // one shape for all operands (verifier)
    } else {
      blk.push_back(1);
      rowBytes.push_back(0);
    }
    FailureOr<Address> address = getAddress(operand);
    if (failed(address))
      return failure();
    operands.push_back(*address);
  }
  auto type = cast<MemRefType>(op->getOperand(0).getType());
  Type elem = getLaneType(type.getElementType());
  int64_t bytes = elementBytes(type);
  // Strided operands: one instruction sequence per row.
  int64_t elements = type.getNumElements() / rows;
  auto scalar = op->getAttrOfType<FloatAttr>("scalar");
  // Bitwise ops process any integer data as 16-bit lanes, and so does vdup
  // on bytes (the vector unit has no 8-bit lanes): the byte repeats twice.
  bool bytewiseFill = llvm::isa<tile::VDupOp>(op) && bytes == 1;
  if (llvm::isa<tile::VAndOp, tile::VOrOp, tile::VNotOp>(op) || bytewiseFill) {
    if (!contiguous || elements * bytes % 2 != 0)
      return op->emitError("operands must be contiguous whole 16-bit lanes");
    elements = elements * bytes / 2;
    bytes = 2;
    elem = builder.getI16Type();
    if (bytewiseFill)
      scalar = builder.getF64FloatAttr(
          int16_t((int64_t(scalar.getValueAsDouble()) & 0xFF) * 0x101));
  }
  int64_t lanes = 256 / bytes;
  // tile.vfoo becomes isa.vfoo: the two dialects name vector ops alike.
  std::string name = ("isa." + op->getName().stripDialect()).str();
  bool select = operands.size() == 4;
  bool binary = operands.size() == 3 || select;
  bool fill = operands.size() == 1;
  // tile operands are (src..., dst); isa puts dst first.
  int64_t row = 0;
  auto emitRepeats = [&](int64_t startLane, int64_t repeat, int64_t mask) {
    // Lane `startLane` is a whole number of repeats (8 blocks) in.
    auto at = [&](unsigned i) {
      int64_t offset = contiguous ? startLane * bytes
                                  : startLane / (lanes / 8) * blk[i] * 32 +
                                        row * rowBytes[i];
      return makeAddress(operands[i], offset);
    };
    unsigned last = operands.size() - 1;
    SmallVector<NamedAttribute> attrs = {
        builder.getNamedAttr("dst", at(last)),
        builder.getNamedAttr("dtype", TypeAttr::get(elem)),
        i32("repeat", repeat), i32("mask", mask)};
    if (auto mode = op->getAttr("mode"))
      attrs.push_back(builder.getNamedAttr("mode", mode));
    if (binary) {
      // vsel: (cond, src0, src1, dst); cond takes src0's strides.
      unsigned first = select ? 1 : 0;
      if (select)
        attrs.push_back(builder.getNamedAttr("cond", at(0)));
      attrs.push_back(builder.getNamedAttr("src0", at(first)));
      attrs.push_back(builder.getNamedAttr("src1", at(first + 1)));
      attrs.push_back(i32("dst_blk", blk[last]));
      attrs.push_back(i32("src0_blk", blk[first]));
      attrs.push_back(i32("src1_blk", blk[first + 1]));
      attrs.push_back(i32("dst_rep", 8 * blk[last]));
      attrs.push_back(i32("src0_rep", 8 * blk[first]));
      attrs.push_back(i32("src1_rep", 8 * blk[first + 1]));
    } else if (fill) {
      attrs.push_back(builder.getNamedAttr(
          "scalar", builder.getF64FloatAttr(scalar.getValueAsDouble())));
      attrs.push_back(i32("dst_blk", blk[0]));
      attrs.push_back(i32("dst_rep", 8 * blk[0]));
    } else {
      attrs.push_back(builder.getNamedAttr("src", at(0)));
      if (scalar)
        attrs.push_back(builder.getNamedAttr(
            "scalar", builder.getF64FloatAttr(scalar.getValueAsDouble())));
      attrs.push_back(i32("dst_blk", blk[1]));
      attrs.push_back(i32("src_blk", blk[0]));
      attrs.push_back(i32("dst_rep", 8 * blk[1]));
      attrs.push_back(i32("src_rep", 8 * blk[0]));
    }
    emit(op->getLoc(), name, attrs);
  };
  int64_t full = elements / lanes, tail = elements % lanes;
  for (row = 0; row < rows; ++row) {
    for (int64_t first = 0; first < full; first += 255)
      emitRepeats(first * lanes, std::min<int64_t>(255, full - first), lanes);
    if (tail)
      emitRepeats(full * lanes, 1, tail);
  }
  return success();
}

namespace {
/// One operand of a row-wise vector instruction: where row i, chunk c of
/// 256 bytes starts is addr + i * rowBytes + c * chunkBytes.
struct RowOperand {
  int64_t rowBytes;
  int64_t chunkBytes;
};
} // namespace

/// Row stride in bytes of a 2-D view (0 when it has one row).
static int64_t getRowBytes(MemRefType type) {
  if (type.getDimSize(0) == 1)
    return 0;
  return type.getStridesAndOffset().first[0] * elementBytes(type);
}

LogicalResult KernelCodegen::emitBroadcastBinary(Operation *op) {
  SmallVector<Address> addrs;
  SmallVector<RowOperand> rows;
  auto dstType = cast<MemRefType>(op->getOperand(2).getType());
  int64_t width = dstType.getDimSize(1), height = dstType.getDimSize(0);
  for (Value operand : op->getOperands()) {
    FailureOr<Address> address = getAddress(operand);
    if (failed(address))
      return failure();
    addrs.push_back(*address);
    auto type = cast<MemRefType>(operand.getType());
    // A [R, 1] operand is a block per row: its lanes are re-read (block
    // stride 0) for every chunk of the row.
    bool perRow = type.getDimSize(1) == 1 && width > 1;
    rows.push_back({getRowBytes(type), perRow ? 0 : 256});
  }
  Type elem = dstType.getElementType();
  int64_t lanes = 256 / elementBytes(dstType);
  int64_t chunks = (width + lanes - 1) / lanes;
  // tile operands are (lhs, rhs, dst); isa puts dst first.
  const unsigned order[3] = {2, 0, 1};
  static constexpr StringRef blkNames[3] = {"dst_blk", "src0_blk", "src1_blk"};
  static constexpr StringRef repNames[3] = {"dst_rep", "src0_rep", "src1_rep"};
  static constexpr StringRef addrNames[3] = {"dst", "src0", "src1"};
  std::string name =
      llvm::StringSwitch<std::string>(op->getName().stripDialect())
          .Case("vbcast_add", "isa.vadd")
          .Case("vbcast_sub", "isa.vsub")
          .Case("vbcast_mul", "isa.vmul")
          .Case("vbcast_div", "isa.vdiv")
          .Case("vbcast_max", "isa.vmax")
          .Default("isa.vmin");
  // `offset(k)` is operand k's byte offset; `rep(k)` its repeat stride.
  auto emitOne = [&](auto offset, auto rep, int64_t repeat, int64_t mask) {
    SmallVector<NamedAttribute> attrs = {
        builder.getNamedAttr("dtype", TypeAttr::get(elem)),
        i32("repeat", repeat), i32("mask", mask)};
    for (unsigned k = 0; k < 3; ++k) {
      unsigned t = order[k];
      attrs.push_back(
          builder.getNamedAttr(addrNames[k], makeAddress(addrs[t], offset(t))));
      attrs.push_back(i32(blkNames[k], rows[t].chunkBytes ? 1 : 0));
      attrs.push_back(i32(repNames[k], rep(t)));
    }
    emit(op->getLoc(), name, attrs);
  };
  bool rowRepeats = llvm::all_of(
      rows, [](const RowOperand &r) { return r.rowBytes / 32 <= 255; });
  int64_t fullChunks = width / lanes, tail = width % lanes;
  int64_t byRows = chunks * ((height + 254) / 255);
  int64_t byChunks = height * ((fullChunks + 254) / 255 + (tail ? 1 : 0));
  if (rowRepeats && byRows <= byChunks) {
    // A repeat per row, one instruction per 256-byte chunk of the rows.
    for (int64_t c = 0; c < chunks; ++c)
      for (int64_t first = 0; first < height; first += 255)
        emitOne(
            [&](unsigned t) {
              return first * rows[t].rowBytes + c * rows[t].chunkBytes;
            },
            [&](unsigned t) { return rows[t].rowBytes / 32; },
            std::min<int64_t>(255, height - first),
            c + 1 < chunks || !tail ? lanes : tail);
    return success();
  }
  // Rows too far apart for a repeat stride: a repeat per chunk, row by row.
  for (int64_t i = 0; i < height; ++i) {
    for (int64_t first = 0; first < fullChunks; first += 255)
      emitOne(
          [&](unsigned t) {
            return i * rows[t].rowBytes + first * rows[t].chunkBytes;
          },
          [&](unsigned t) { return rows[t].chunkBytes / 32; },
          std::min<int64_t>(255, fullChunks - first), lanes);
    if (tail)
      emitOne(
          [&](unsigned t) {
            return i * rows[t].rowBytes + fullChunks * rows[t].chunkBytes;
          },
          [&](unsigned t) { return rows[t].chunkBytes / 32; }, 1, tail);
  }
  return success();
}

LogicalResult KernelCodegen::emitBrcb(tile::VBrcbOp op) {
  FailureOr<Address> src = getAddress(op.getSrc());
  FailureOr<Address> dst = getAddress(op.getDst());
  if (failed(src) || failed(dst))
    return failure();
  MemRefType type = op.getSrc().getType();
  int64_t bytes = elementBytes(type), repeats = type.getDimSize(0) / 8;
  // 254 repeats keep the next source address on a block for f16 too.
  for (int64_t first = 0; first < repeats; first += 254)
    emit(op.getLoc(), "isa.vbrcb",
         {builder.getNamedAttr("dst", makeAddress(*dst, first * 8 * 32)),
          builder.getNamedAttr("src", makeAddress(*src, first * 8 * bytes)),
          builder.getNamedAttr("dtype", TypeAttr::get(type.getElementType())),
          i32("repeat", std::min<int64_t>(254, repeats - first)),
          i32("dst_blk", 1), i32("dst_rep", 8)});
  return success();
}

LogicalResult KernelCodegen::emitGather(tile::VGatherOp op) {
  FailureOr<Address> src = getAddress(op.getSrc());
  FailureOr<Address> offsets = getAddress(op.getOffsets());
  FailureOr<Address> dst = getAddress(op.getDst());
  if (failed(src) || failed(offsets) || failed(dst))
    return failure();
  MemRefType type = op.getDst().getType();
  int64_t bytes = elementBytes(type), lanes = 256 / bytes;
  int64_t count = type.getNumElements();
  // Lanes only move bits: integers of any signedness go as signless lanes of
  // their width.
  Type elem = type.getElementType();
  if (!llvm::isa<FloatType>(elem))
    elem = builder.getIntegerType(bytes * 8);
  auto emitRepeats = [&](int64_t first, int64_t repeat, int64_t mask) {
    emit(op.getLoc(), "isa.vgather",
         {builder.getNamedAttr("dst", makeAddress(*dst, first * 256)),
          builder.getNamedAttr("src", makeAddress(*src)),
          builder.getNamedAttr("offsets",
                               makeAddress(*offsets, first * lanes * 4)),
          builder.getNamedAttr("dtype", TypeAttr::get(elem)),
          i32("src_bytes", op.getSrc().getType().getNumElements() * bytes),
          i32("repeat", repeat), i32("mask", mask), i32("dst_rep", 8)});
  };
  int64_t full = count / lanes;
  for (int64_t first = 0; first < full; first += 255)
    emitRepeats(first, std::min<int64_t>(255, full - first), lanes);
  if (count % lanes)
    emitRepeats(full, 1, count % lanes);
  return success();
}

LogicalResult KernelCodegen::emitRowReduce(Operation *op) {
  FailureOr<Address> src = getAddress(op->getOperand(0));
  FailureOr<Address> dst = getAddress(op->getOperand(1));
  if (failed(src) || failed(dst))
    return failure();
  auto type = cast<MemRefType>(op->getOperand(0).getType());
  int64_t bytes = elementBytes(type), rowBytes = getRowBytes(type);
  int64_t height = type.getDimSize(0);
  StringRef name = llvm::StringSwitch<StringRef>(op->getName().stripDialect())
                       .Case("vreduce_sum", "isa.vcadd")
                       .Case("vreduce_max", "isa.vcmax")
                       .Default("isa.vcmin");
  // 240 results keep the next destination on a block for f16 and f32.
  for (int64_t first = 0; first < height; first += 240)
    emit(op->getLoc(), name,
         {builder.getNamedAttr("dst", makeAddress(*dst, first * bytes)),
          builder.getNamedAttr("src", makeAddress(*src, first * rowBytes)),
          builder.getNamedAttr("dtype", TypeAttr::get(type.getElementType())),
          i32("repeat", std::min<int64_t>(240, height - first)),
          i32("mask", type.getDimSize(1)), i32("src_blk", 1),
          i32("src_rep", rowBytes / 32)});
  return success();
}

LogicalResult KernelCodegen::emitLoadTranspose(tile::LoadTransposeOp load) {
  FailureOr<Address> src = getAddress(load.getSource());
  FailureOr<Address> dst = getAddress(load.getTarget());
  if (failed(src) || failed(dst))
    return failure();
  MemRefType source = load.getSource().getType();
  MemRefType target = load.getTarget().getType();
  auto [srcStrides, srcOffset] = source.getStridesAndOffset();
  int64_t bytes = elementBytes(source);
  bool contiguous = target.getLayout().isIdentity() ||
                    target.areTrailingDimsContiguous(target.getRank());
  if (llvm::any_of(srcStrides, ShapedType::isDynamic) || srcStrides[1] != 16 ||
      srcStrides[2] != 1 || (srcStrides[0] * bytes) % 512 != 0 ||
      srcStrides[0] * bytes / 512 > 65535 || !contiguous)
    return load.emitError("transposing loads read contiguous 16 x 16 blocks "
                          "whole fractals apart into contiguous fractals");
  // One step moves a block: one fractal of f16, two of f32.
  int64_t blocks = source.getDimSize(0), blockBytes = 256 * bytes;
  int64_t maxCount = bytes == 2 ? 4095 : 2047;
  for (int64_t first = 0; first < blocks; first += maxCount)
    emit(load.getLoc(), "isa.load2d",
         {builder.getNamedAttr("dst", makeAddress(*dst, first * blockBytes)),
          builder.getNamedAttr(
              "src", makeAddress(*src, first * srcStrides[0] * bytes)),
          i32("count", std::min(maxCount, blocks - first)),
          i32("src_stride", srcStrides[0] * bytes / 512),
          builder.getNamedAttr("dtype", TypeAttr::get(source.getElementType())),
          builder.getNamedAttr("transpose", builder.getUnitAttr())});
  return success();
}

LogicalResult KernelCodegen::emitConv(tile::VConvOp conv) {
  FailureOr<Address> src = getAddress(conv.getSrc());
  FailureOr<Address> dst = getAddress(conv.getDst());
  if (failed(src) || failed(dst))
    return failure();
  MemRefType from = conv.getSrc().getType(), to = conv.getDst().getType();
  for (MemRefType t : {from, to})
    if (!t.getLayout().isIdentity() &&
        !t.areTrailingDimsContiguous(t.getRank()))
      return conv.emitError("vector operands must be contiguous");
  // A repeat covers 8 blocks of the wider type: 64 lanes of f32/i32, 128 of
  // f16/i16 beside i8.
  int64_t srcBytes = elementBytes(from), dstBytes = elementBytes(to);
  int64_t lanes = 256 / std::max(srcBytes, dstBytes);
  int64_t elements = from.getNumElements();
  auto repeats = [&](int64_t first, int64_t repeat, int64_t mask) {
    SmallVector<NamedAttribute> attrs = {
        builder.getNamedAttr("dst", makeAddress(*dst, first * dstBytes)),
        builder.getNamedAttr("src", makeAddress(*src, first * srcBytes)),
        builder.getNamedAttr("dst_type",
                             TypeAttr::get(getLaneType(to.getElementType()))),
        builder.getNamedAttr("src_type",
                             TypeAttr::get(getLaneType(from.getElementType()))),
        i32("repeat", repeat),
        i32("mask", mask),
        i32("dst_blk", 1),
        i32("src_blk", 1),
        i32("dst_rep", lanes * dstBytes / 32),
        i32("src_rep", lanes * srcBytes / 32)};
    if (conv.getRoundAttr())
      attrs.push_back(builder.getNamedAttr("round", conv.getRoundAttr()));
    emit(conv.getLoc(), "isa.vconv", attrs);
  };
  int64_t full = elements / lanes, tail = elements % lanes;
  for (int64_t first = 0; first < full; first += 255)
    repeats(first * lanes, std::min<int64_t>(255, full - first), lanes);
  if (tail)
    repeats(full * lanes, 1, tail);
  return success();
}

LogicalResult KernelCodegen::emitMmad(tile::MmadOp mmad) {
  FailureOr<Address> a = getAddress(mmad.getLhs());
  FailureOr<Address> b = getAddress(mmad.getRhs());
  FailureOr<Address> c = getAddress(mmad.getAcc());
  if (failed(a) || failed(b) || failed(c))
    return failure();
  MemRefType lhs = mmad.getLhs().getType(), rhs = mmad.getRhs().getType();
  SmallVector<NamedAttribute> attrs = {
      builder.getNamedAttr("c", makeAddress(*c)),
      builder.getNamedAttr("a", makeAddress(*a)),
      builder.getNamedAttr("b", makeAddress(*b)),
      i32("m", lhs.getDimSize(0)),
      i32("k", lhs.getDimSize(1)),
      i32("n", rhs.getDimSize(1)),
      builder.getNamedAttr("dtype", TypeAttr::get(lhs.getElementType()))};
  if (!mmad.getAccumulate())
    attrs.push_back(builder.getNamedAttr("init", builder.getUnitAttr()));
  emit(mmad.getLoc(), "isa.mmad", attrs);
  return success();
}

LogicalResult KernelCodegen::emitImg2Col(tile::Img2ColOp img2col) {
  FailureOr<Address> dst = getAddress(img2col.getDst());
  FailureOr<Address> src = getAddress(img2col.getFmap());
  if (failed(dst) || failed(src))
    return failure();
  MemRefType fmap = img2col.getFmap().getType();
  MemRefType out = img2col.getDst().getType();
  int64_t c0 = fmap.getDimSize(3);
  if ((int64_t)img2col.getMStart() > 65535 ||
      (int64_t)img2col.getK1Start() > 65535 || out.getDimSize(0) / 16 > 4095 ||
      out.getDimSize(1) / c0 > 4095 ||
      llvm::any_of(fmap.getShape().drop_back(),
                   [](int64_t d) { return d > 4095; }))
    return img2col.emitError("img2col exceeds the ranges of load3d; tile it");
  ArrayRef<int64_t> k = img2col.getKernel(), s = img2col.getStrides(),
                    p = img2col.getPads(), d = img2col.getDilations();
  emit(img2col.getLoc(), "isa.load3d",
       {builder.getNamedAttr("dst", makeAddress(*dst)),
        builder.getNamedAttr("src", makeAddress(*src)),
        i32("h", fmap.getDimSize(1)),
        i32("w", fmap.getDimSize(2)),
        i32("c1", fmap.getDimSize(0)),
        i32("kh", k[0]),
        i32("kw", k[1]),
        i32("stride_h", s[0]),
        i32("stride_w", s[1]),
        i32("pad_t", p[0]),
        i32("pad_b", p[1]),
        i32("pad_l", p[2]),
        i32("pad_r", p[3]),
        i32("dil_h", d[0]),
        i32("dil_w", d[1]),
        i32("m_start", img2col.getMStart()),
        i32("m1_count", out.getDimSize(0) / 16),
        i32("k1_start", img2col.getK1Start()),
        i32("k1_count", out.getDimSize(1) / c0),
        builder.getNamedAttr("dtype", TypeAttr::get(fmap.getElementType()))});
  return success();
}
