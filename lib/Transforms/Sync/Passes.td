//===- Passes.td - Sync insertion passes ---------------------*- tablegen -*-===//

#ifndef ASCEND_TRANSFORMS_SYNC_PASSES
#define ASCEND_TRANSFORMS_SYNC_PASSES

include "mlir/Pass/PassBase.td"

def InsertSync : Pass<"ascend-insert-sync", "mlir::ModuleOp"> {
  let summary = "Insert set_flag/wait_flag/barrier between dependent tile ops";
  let description = [{
    For every `func.func` carrying `tile.kernel`, orders each pair of ops that
    touch the same buffer bytes: ops on different pipes by a
    `tile.set_flag`/`tile.wait_flag` pair, ops on one pipe by `tile.barrier`
    unless the preset lists the pipe as self-ordered. Loop-carried
    dependences use the set-before-loop / wait-at-body-start /
    set-at-body-end / wait-after-loop protocol. Syncs that a symbolic run
    shows to be implied by others are removed, and event ids are allocated
    per pipe pair within the preset's count. See docs/sync-insertion.md.
  }];
  let options = [
    Option<"target", "target", "std::string", /*default=*/"\"\"",
           "Machine preset (default: the module's tile.target, else "
           "ascend910)">
  ];
  let dependentDialects = ["::ascend::tile::TileDialect"];
}

#endif // ASCEND_TRANSFORMS_SYNC_PASSES
