//===- PipeOpInterfaceTest.cpp - Ops report the pipe that runs them -------===//

#include "TestContext.h"

#include "common/PipeOpInterface.h"

using namespace mlir;
using namespace ascend;

namespace {

class PipeOpInterfaceTest : public test::DialectTest {
protected:
  /// The pipe of every PipeOpInterface op in `source`, in program order.
  std::vector<Pipe> pipesOf(StringRef source) {
    OwningOpRef<ModuleOp> module = parse(source);
    EXPECT_TRUE(module);
    std::vector<Pipe> pipes;
    if (module)
      module->walk([&](PipeOpInterface op) { pipes.push_back(op.getPipe()); });
    return pipes;
  }
};

TEST_F(PipeOpInterfaceTest, TileCopyPipeFollowsDataPath) {
  auto pipes = pipesOf(R"mlir(
    func.func @f(%gm: memref<16x16xf16, #tile.space<gm>>,
                 %l1: memref<16x16xf16, #tile.space<l1>>,
                 %ub: memref<16x16xf16, #tile.space<ub>>,
                 %a: memref<16x16xf16, #tile.space<l0a>>,
                 %b: memref<16x16xf16, #tile.space<l0b>>,
                 %c: memref<16x16xf32, #tile.space<l0c>>,
                 %ub32: memref<16x16xf32, #tile.space<ub>>) {
      tile.copy %gm, %l1 : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, #tile.space<l1>>
      tile.copy %l1, %a : memref<16x16xf16, #tile.space<l1>> to memref<16x16xf16, #tile.space<l0a>>
      tile.mmad %a, %b, %c : memref<16x16xf16, #tile.space<l0a>>, memref<16x16xf16, #tile.space<l0b>>, memref<16x16xf32, #tile.space<l0c>>
      tile.copy %c, %ub32 : memref<16x16xf32, #tile.space<l0c>> to memref<16x16xf32, #tile.space<ub>>
      tile.vrelu %ub, %ub : memref<16x16xf16, #tile.space<ub>>
      tile.copy %ub, %gm : memref<16x16xf16, #tile.space<ub>> to memref<16x16xf16, #tile.space<gm>>
      return
    })mlir");
  EXPECT_EQ(pipes, (std::vector<Pipe>{Pipe::MTE2, Pipe::MTE1, Pipe::M, Pipe::V,
                                      Pipe::V, Pipe::MTE3}));
}

TEST_F(PipeOpInterfaceTest, FlagsIssueInSourceAndDestinationQueues) {
  auto pipes = pipesOf(R"mlir(
    isa.plan "ascend910" gm_size 64 {
      isa.kernel @k block_dim 1 {
        isa.set_flag mte2 -> v, 1
        isa.wait_flag mte2 -> v, 1
        isa.barrier mte3
        isa.li r1, 0
        isa.copy gm[r1], ub[r1], nburst 1, len 1, src_gap 0, dst_gap 0
        isa.mmad l0c[r1], l0a[r1], l0b[r1], m 16, k 16, n 16, f16 init
        isa.load2d l0a[r1], l1[r1], count 1, src_stride 0, f16
        isa.l0c_to_ub ub[r1], l0c[r1], count 1, f16
        isa.vexp ub[r1], ub[r1], f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
        isa.loop r1 {
          isa.copy ub[r1], gm[r1], nburst 1, len 1, src_gap 0, dst_gap 0
        }
      }
    })mlir");
  EXPECT_EQ(pipes, (std::vector<Pipe>{Pipe::MTE2, Pipe::V, Pipe::MTE3, Pipe::S,
                                      Pipe::MTE3, Pipe::M, Pipe::MTE1, Pipe::V,
                                      Pipe::V, Pipe::MTE2, Pipe::S}));
}

} // namespace
