//===- Passes.td - tile to isa lowering ----------------------*- tablegen -*-===//

#ifndef ASCEND_CONVERSION_TILETOISA_PASSES
#define ASCEND_CONVERSION_TILETOISA_PASSES

include "mlir/Pass/PassBase.td"

def LowerTileToISA : Pass<"ascend-lower-tile-to-isa", "::mlir::ModuleOp"> {
  let summary = "Emit an isa.plan from a planned, synchronized tile program";
  let description = [{
    Input: the tile-level program of docs/tile-ir.md after memory planning
    (`tile.offset` everywhere) and sync insertion. Output: the same module
    with one `isa.plan` appended: an `isa.tensor` per graph input/output, an
    `isa.constant` per gm `memref.global`, and one `isa.kernel` per kernel
    launch in `@main`, in launch order.

    Inside a kernel, `index` values become scalar registers (constants fold
    into immediates; a register is reused once the last op using its value
    has been emitted), `scf.for` becomes `isa.loop` with the induction
    variable bumped at the end of the body, memref addresses become
    `space[rN + imm]` from the planned offsets and subview offsets, and each
    tile op becomes the instructions that implement it: copies as strided
    bursts (gm/ub/l1) or fractal loads (l1 -> l0a/l0b), vector ops as
    repeats of 256 bytes with a masked tail, `tile.mmad` as one `isa.mmad`,
    `tile.img2col` as one `isa.load3d`, l0c -> ub as `isa.l0c_to_ub`. Every instruction keeps the location of
    the tile op it came from. With `strip`, the tile functions are erased.
  }];
  let options = [
    Option<"strip", "strip", "bool", /*default=*/"true",
           "Erase the tile-level functions once the plan is emitted">
  ];
  let dependentDialects = ["::ascend::isa::ISADialect"];
}

#endif // ASCEND_CONVERSION_TILETOISA_PASSES
