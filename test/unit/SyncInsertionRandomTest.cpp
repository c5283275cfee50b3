//===- SyncInsertionRandomTest.cpp - Random kernels vs a pipe checker -----===//
//
// Generates random tile kernels (copies gm->ub, ub->gm, gm->l1, l1->l0a/l0b,
// vector ops, mmad over a small pool of buffers, some of them inside nested
// scf.for loops), runs ascend-insert-sync and checks the result with a
// checker written independently of the pass: it executes the kernel
// symbolically (loops unrolled up to three iterations) with one vector clock
// per pipe and asserts that every pair of conflicting accesses is ordered,
// that flags are never set twice (or possibly set again before the previous
// wait), never waited on unset, balanced at the end, and that the pass
// added no sync without a dependence behind it (every barrier is necessary;
// every flag pair joins two pipes that have a dependence).
//
//===----------------------------------------------------------------------===//

#include "TestContext.h"

#include "ascend/Transforms/SyncPasses.h"
#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Pass/PassManager.h"

#include <map>
#include <random>
#include <set>
#include <sstream>

using namespace mlir;
using namespace ascend;

namespace {

//===----------------------------------------------------------------------===//
// Generator
//===----------------------------------------------------------------------===//

const char *kF16 = "memref<16x16xf16, #tile.space<";
std::string ty(const std::string &space) { return kF16 + space + ">>"; }
const std::string kHalf0 =
    "memref<16x16xf16, strided<[16, 1]>, #tile.space<ub>>";
const std::string kHalf1 =
    "memref<16x16xf16, strided<[16, 1], offset: 256>, #tile.space<ub>>";
const std::string kAcc = "memref<16x16xf32, #tile.space<l0c>>";

class Generator {
public:
  explicit Generator(unsigned seed) : rng(seed) {}

  std::string kernel() {
    body.str("");
    body << "module {\n  func.func @k(%g0: " << ty("gm")
         << ", %g1: " << ty("gm") << ", %g2: " << ty("gm")
         << ") attributes {tile.kernel, tile.block_dim = 1 : i32} {\n";
    line("%c0 = arith.constant 0 : index");
    line("%c1 = arith.constant 1 : index");
    for (int i = 0; i < 4; ++i)
      line("%u" + std::to_string(i) + " = memref.alloc() : " + ty("ub"));
    line("%big = memref.alloc() : memref<32x16xf16, #tile.space<ub>>");
    line("%h0 = memref.subview %big[0, 0] [16, 16] [1, 1] : "
         "memref<32x16xf16, #tile.space<ub>> to " +
         kHalf0);
    line("%h1 = memref.subview %big[16, 0] [16, 16] [1, 1] : "
         "memref<32x16xf16, #tile.space<ub>> to " +
         kHalf1);
    line("%l1 = memref.alloc() : " + ty("l1"));
    line("%a = memref.alloc() : " + ty("l0a"));
    line("%b = memref.alloc() : " + ty("l0b"));
    line("%c = memref.alloc() : " + kAcc);
    sequence(pick(3, 14), 0);
    line("return");
    body << "  }\n}\n";
    return body.str();
  }

private:
  unsigned pick(unsigned lo, unsigned hi) {
    return std::uniform_int_distribution<unsigned>(lo, hi)(rng);
  }
  void line(const std::string &text) {
    body << std::string(4 + 2 * depth, ' ') << text << "\n";
  }
  std::string gm() { return "%g" + std::to_string(pick(0, 2)); }
  std::string ub() { return "%u" + std::to_string(pick(0, 3)); }

  void sequence(unsigned count, unsigned level) {
    for (unsigned i = 0; i < count; ++i) {
      if (level < 2 && pick(0, 9) == 0) {
        unsigned trips = pick(1, 4);
        line("%n" + std::to_string(loops) + " = arith.constant " +
             std::to_string(trips) + " : index");
        line("scf.for %i" + std::to_string(loops) + " = %c0 to %n" +
             std::to_string(loops) + " step %c1 {");
        ++loops;
        ++depth;
        sequence(pick(1, 6), level + 1);
        --depth;
        line("}");
        continue;
      }
      op();
    }
  }

  void op() {
    switch (pick(0, 10)) {
    case 0:
    case 1:
      return line("tile.copy " + gm() + ", " + ub() + " : " + ty("gm") +
                  " to " + ty("ub"));
    case 2:
      return line("tile.copy " + ub() + ", " + gm() + " : " + ty("ub") +
                  " to " + ty("gm"));
    case 3: {
      bool first = pick(0, 1);
      std::string h = first ? "%h0" : "%h1", t = first ? kHalf0 : kHalf1;
      if (pick(0, 1))
        return line("tile.copy " + gm() + ", " + h + " : " + ty("gm") + " to " +
                    t);
      return line("tile.copy " + h + ", " + gm() + " : " + t + " to " +
                  ty("gm"));
    }
    case 4:
      return line("tile.copy " + gm() + ", %l1 : " + ty("gm") + " to " +
                  ty("l1"));
    case 5: {
      bool toA = pick(0, 1);
      return line("tile.copy %l1, " + std::string(toA ? "%a" : "%b") + " : " +
                  ty("l1") + " to " + ty(toA ? "l0a" : "l0b"));
    }
    case 6:
      return line("tile.mmad %a, %b, %c {accumulate} : " + ty("l0a") + ", " +
                  ty("l0b") + ", " + kAcc);
    case 7:
    case 8:
      return line(std::string(pick(0, 1) ? "tile.vadd " : "tile.vmul ") + ub() +
                  ", " + ub() + ", " + ub() + " : " + ty("ub"));
    case 9:
      return line("tile.vrelu " + ub() + ", " + ub() + " : " + ty("ub"));
    default: {
      bool first = pick(0, 1);
      std::string h = first ? "%h0" : "%h1", t = first ? kHalf0 : kHalf1;
      return line("tile.vexp " + h + ", " + h + " : " + t);
    }
    }
  }

  std::mt19937 rng;
  std::ostringstream body;
  unsigned depth = 0, loops = 0;
};

//===----------------------------------------------------------------------===//
// Checker
//===----------------------------------------------------------------------===//

constexpr size_t kPipes = 6;
using Clock = std::array<uint32_t, kPipes>;
size_t at(Pipe pipe) { return static_cast<size_t>(pipe); }

MemorySpace spaceOf(Value value) {
  return *tile::getMemorySpace(cast<MemRefType>(value.getType()));
}

/// The checker's own idea of which pipe runs an op (not PipeOpInterface).
Pipe pipeOf(Operation *op) {
  if (auto copy = dyn_cast<tile::CopyOp>(op)) {
    MemorySpace src = spaceOf(copy.getSource()),
                dst = spaceOf(copy.getTarget());
    if (src == MemorySpace::GM)
      return Pipe::MTE2;
    if (src == MemorySpace::L1)
      return Pipe::MTE1;
    if (src == MemorySpace::UB)
      return Pipe::MTE3;
    EXPECT_EQ(dst, MemorySpace::UB);
    return Pipe::V;
  }
  if (isa<tile::MmadOp>(op))
    return Pipe::M;
  return Pipe::V;
}

/// A range of elements of a root buffer (flat, row-major; conservative for
/// strided tiles).
struct Region {
  Value root;
  int64_t begin, end;
  bool overlaps(const Region &o) const {
    return root == o.root && begin < o.end && o.begin < end;
  }
};

Region regionOf(Value value) {
  if (auto sub = value.getDefiningOp<memref::SubViewOp>()) {
    auto shape = sub.getSourceType().getShape();
    auto off = sub.getStaticOffsets();
    auto size = sub.getStaticSizes();
    int64_t begin = off[0] * shape[1] + off[1];
    int64_t end = (off[0] + size[0] - 1) * shape[1] + off[1] + size[1];
    return {sub.getSource(), begin, end};
  }
  return {value, 0, cast<MemRefType>(value.getType()).getNumElements()};
}

struct Access {
  Region region;
  bool write;
};

SmallVector<Access> accessesOf(Operation *op) {
  SmallVector<Access> result;
  if (auto copy = dyn_cast<tile::CopyOp>(op))
    return {{regionOf(copy.getSource()), false},
            {regionOf(copy.getTarget()), true}};
  if (auto mmad = dyn_cast<tile::MmadOp>(op))
    return {{regionOf(mmad.getLhs()), false},
            {regionOf(mmad.getRhs()), false},
            {regionOf(mmad.getAcc()), false},
            {regionOf(mmad.getAcc()), true}};
  // Vector ops: every operand read, the last one written.
  for (Value operand : op->getOperands())
    result.push_back({regionOf(operand), false});
  result.push_back({regionOf(op->getOperands().back()), true});
  return result;
}

std::string printed(Operation *op) {
  std::string text;
  llvm::raw_string_ostream os(text);
  op->print(os);
  return text;
}

bool isTileCompute(Operation *op) {
  return op->getDialect() && op->getDialect()->getNamespace() == "tile" &&
         !isa<tile::SetFlagOp, tile::WaitFlagOp, tile::BarrierOp,
              tile::BlockIdxOp>(op);
}

bool dependent(Operation *x, Operation *y) {
  for (const Access &a : accessesOf(x))
    for (const Access &b : accessesOf(y))
      if ((a.write || b.write) && a.region.overlaps(b.region))
        return true;
  return false;
}

class Checker {
public:
  explicit Checker(unsigned eventIds) : eventIds(eventIds) {}

  /// Empty when the kernel is properly synchronized, else what is wrong.
  std::string check(func::FuncOp kernel) {
    run(kernel.getBody().front());
    if (error.empty())
      for (auto &[key, flag] : flags)
        if (flag.pending)
          fail("flag " + key + " is still set at the end");
    return error;
  }

private:
  struct Flag {
    bool pending = false;
    Clock clock{};
    uint32_t lastWait = 0;
  };
  struct Past {
    Access access;
    Pipe pipe;
    uint32_t seq;
    Operation *op;
  };

  void fail(const std::string &message) {
    if (error.empty())
      error = message;
  }

  static std::string describe(Operation *op) {
    std::string text;
    llvm::raw_string_ostream os(text);
    op->print(os, OpPrintingFlags().skipRegions());
    return text;
  }

  void run(Block &block) {
    for (Operation &op : block) {
      if (!error.empty())
        return;
      if (auto loop = dyn_cast<scf::ForOp>(op)) {
        int64_t lb = *getConstantIntValue(loop.getLowerBound());
        int64_t ub = *getConstantIntValue(loop.getUpperBound());
        for (int64_t i = lb; i < std::min(ub, lb + 3); ++i)
          run(*loop.getBody());
      } else if (auto set = dyn_cast<tile::SetFlagOp>(op)) {
        Pipe p = set.getSrc(), q = set.getDst();
        if (set.getEvent() >= eventIds)
          fail("event id out of range: " + describe(set));
        Clock &clock = clocks[at(p)];
        ++clock[at(p)];
        Flag &flag = flags[key(p, q, set.getEvent())];
        if (flag.pending)
          fail("set twice without a wait: " + describe(set));
        if (flag.lastWait > clock[at(q)])
          fail("set may run before the previous wait: " + describe(set));
        flag.pending = true;
        flag.clock = clock;
      } else if (auto wait = dyn_cast<tile::WaitFlagOp>(op)) {
        Pipe p = wait.getSrc(), q = wait.getDst();
        Flag &flag = flags[key(p, q, wait.getEvent())];
        if (!flag.pending)
          fail("wait on a flag nothing set (deadlock): " + describe(wait));
        Clock &clock = clocks[at(q)];
        for (size_t i = 0; i < kPipes; ++i)
          clock[i] = std::max(clock[i], flag.clock[i]);
        flag.lastWait = ++clock[at(q)];
        flag.pending = false;
      } else if (auto barrier = dyn_cast<tile::BarrierOp>(op)) {
        Pipe q = barrier.getPipe();
        barrierSeq[at(q)] = ++clocks[at(q)][at(q)];
      } else if (isTileCompute(&op)) {
        execute(&op);
      }
    }
  }

  void execute(Operation *op) {
    Pipe q = pipeOf(op);
    Clock &clock = clocks[at(q)];
    uint32_t seq = ++clock[at(q)];
    SmallVector<Access> accesses = accessesOf(op);
    for (const Access &a : accesses) {
      for (const Past &past : history) {
        if (!(a.write || past.access.write) ||
            !a.region.overlaps(past.access.region))
          continue;
        bool ordered = past.pipe == q
                           ? q == Pipe::M || barrierSeq[at(q)] > past.seq
                           : clock[at(past.pipe)] >= past.seq;
        if (!ordered)
          fail("unordered: " + describe(past.op) + " then " + describe(op));
      }
    }
    for (const Access &a : accesses)
      history.push_back({a, q, seq, op});
  }

  static std::string key(Pipe p, Pipe q, uint32_t event) {
    return stringifyPipe(p).str() + "->" + stringifyPipe(q).str() + "#" +
           std::to_string(event);
  }

  unsigned eventIds;
  std::array<Clock, kPipes> clocks{};
  std::array<uint32_t, kPipes> barrierSeq{};
  std::map<std::string, Flag> flags;
  std::vector<Past> history;
  std::string error;
};

//===----------------------------------------------------------------------===//
// The test
//===----------------------------------------------------------------------===//

class SyncInsertionRandomTest : public test::DialectTest {};

TEST_F(SyncInsertionRandomTest, RandomKernelsAreExactlySynchronized) {
  constexpr unsigned kPrograms = 400;
  constexpr unsigned kEventIds = 4; // ascend910
  unsigned checked = 0, outOfIds = 0, syncs = 0;
  for (unsigned seed = 0; seed < kPrograms; ++seed) {
    std::string source = Generator(seed).kernel();
    SCOPED_TRACE("seed " + std::to_string(seed) + "\n" + source);
    OwningOpRef<ModuleOp> module = parse(source);
    ASSERT_TRUE(module);

    // Static facts about the input, before syncs exist.
    auto kernel = *module->getOps<func::FuncOp>().begin();
    SmallVector<Operation *> computes;
    kernel.walk([&](Operation *op) {
      if (isTileCompute(op))
        computes.push_back(op);
    });
    std::set<std::pair<Pipe, Pipe>> dependentPipes;
    for (Operation *x : computes)
      for (Operation *y : computes)
        if (dependent(x, y))
          dependentPipes.insert({pipeOf(x), pipeOf(y)});

    std::string diagnostics;
    ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
      diagnostics += diag.str() + "\n";
      return success();
    });
    PassManager pm(&context);
    pm.addPass(createInsertSyncPass("ascend910"));
    if (failed(pm.run(*module))) {
      // The pass may give up on event ids, but only with that error.
      EXPECT_NE(diagnostics.find("event ids"), std::string::npos)
          << diagnostics;
      ++outOfIds;
      continue;
    }
    ++checked;

    std::string error = Checker(kEventIds).check(kernel);
    EXPECT_EQ(error, "") << printed(*module);
    if (!error.empty())
      continue;

    // No sync without a dependence behind it.
    SmallVector<tile::BarrierOp> barriers;
    kernel.walk([&](Operation *op) {
      if (auto set = dyn_cast<tile::SetFlagOp>(op)) {
        ++syncs;
        EXPECT_TRUE(dependentPipes.count({set.getSrc(), set.getDst()}) ||
                    dependentPipes.count({set.getDst(), set.getSrc()}))
            << "flag between independent pipes: " << printed(op);
      } else if (auto barrier = dyn_cast<tile::BarrierOp>(op)) {
        ++syncs;
        barriers.push_back(barrier);
      }
    });
    // Every barrier is needed: without it the checker finds a hazard.
    for (size_t i = 0; i < barriers.size(); ++i) {
      OwningOpRef<ModuleOp> copy = module->clone();
      SmallVector<tile::BarrierOp> copies;
      copy->walk([&](tile::BarrierOp barrier) { copies.push_back(barrier); });
      copies[i]->erase();
      auto copyKernel = *copy->getOps<func::FuncOp>().begin();
      EXPECT_NE(Checker(kEventIds).check(copyKernel), "")
          << "barrier #" << i << " is not needed\n"
          << printed(*module);
    }
  }
  // The fallback serializes instead of failing in most cases.
  EXPECT_LT(outOfIds, kPrograms / 10);
  EXPECT_GT(syncs, kPrograms); // the programs do exercise the pass
  std::printf("[ sync ] %u random kernels checked, %u out of event ids, %u "
              "syncs\n",
              checked, outOfIds, syncs);
}

} // namespace
