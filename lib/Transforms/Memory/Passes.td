//===- Passes.td - Memory planning on the tile dialect -------*- tablegen -*-===//

#ifndef ASCEND_TRANSFORMS_MEMORY_PASSES
#define ASCEND_TRANSFORMS_MEMORY_PASSES

include "mlir/Pass/PassBase.td"

def PlanMemory : Pass<"ascend-plan-memory", "::mlir::ModuleOp"> {
  let summary = "Assign byte offsets to global-memory values and on-chip buffers";
  let description = [{
    Global memory (in `@main`): the graph inputs and outputs (`@main`'s
    arguments) and the gm `memref.global` constants get fixed, disjoint
    32-byte aligned slots padded to 32 bytes; gm `memref.alloc`
    intermediates are live from the first to the last `func.call` that uses
    them and share bytes when their live ranges are disjoint. Offsets are
    written as `tile.offset` (i64) on the argument attributes, the allocs and
    the globals; `@main` gets `tile.gm_size`, `tile.workspace_size` (peak
    bytes of intermediates with reuse) and `tile.intermediates_size` (their
    sum without reuse).

    On chip (in each `tile.kernel` function): every `memref.alloc` in l1,
    l0a, l0b, l0c or ub gets `tile.offset` aligned to the preset's alignment
    for its space. A buffer is live from its first to its last use; a use
    inside a loop that does not contain the alloc keeps it live for the whole
    loop. Buffers with disjoint live ranges share bytes, and each space must
    fit the preset's buffer size.

    See docs/memory-planning.md.
  }];
  let options = [
    Option<"target", "target", "std::string", /*default=*/"\"\"",
           "Machine preset (default: the module's tile.target, else ascend910)">
  ];
  let dependentDialects = ["::ascend::tile::TileDialect"];
}

#endif // ASCEND_TRANSFORMS_MEMORY_PASSES
