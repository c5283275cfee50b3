//===- Passes.td - nn to tile lowering -----------------------*- tablegen -*-===//

#ifndef ASCEND_CONVERSION_NNTOTILE_PASSES
#define ASCEND_CONVERSION_NNTOTILE_PASSES

include "mlir/Pass/PassBase.td"

def LowerNNToTile : Pass<"ascend-lower-nn-to-tile", "::mlir::ModuleOp"> {
  let summary = "Lower fused nn kernels to tile-level kernels over buffers";
  let description = [{
    Rewrites `@main` (after `ascend-fuse`) into the tile-level program of
    docs/tile-ir.md: graph inputs and outputs become gm memref arguments
    named by `tile.name`, constants become gm `memref.global`s, each
    `nn.kernel` becomes a `tile.kernel` function launched by a `func.call`,
    and values between kernels become gm `memref.alloc`s.

    Kernels made of elementwise ops over one shape (with splat constants as
    immediates) are lowered today: the elements are split over up to all
    cores of the preset in tiles sized so that every operand and result of
    the kernel fits the unified buffer at once; each tile is copied in,
    computed with vector ops (composites for sigmoid, tanh, softplus,
    softsign, elu, selu, hard-sigmoid, hard-swish, leaky-relu, clip), and copied
    out, and the last partial tile runs on one block. Kernels starting with
    a matmul (2-D or batched) or gemm, with constant or runtime operands,
    run on the cube (runtime operands with rows that are not whole 32-byte
    blocks are first staged by a one-block kernel), with their
    elementwise epilogue on the vector unit (docs/cube-lowering.md). Other
    kernels are rejected with an error naming the ONNX node.
  }];
  let options = [
    Option<"target", "target", "std::string", /*default=*/"\"ascend910\"",
           "Machine preset">
  ];
  let dependentDialects = ["::ascend::tile::TileDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::arith::ArithDialect"];
}

#endif // ASCEND_CONVERSION_NNTOTILE_PASSES
