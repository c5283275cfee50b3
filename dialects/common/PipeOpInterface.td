//===- PipeOpInterface.td - Which pipe executes an op --------*- tablegen -*-===//
//
// Sync insertion, the emulator's dispatch and the profiler all need to know
// which pipe runs an op. Ops answer through this interface so those passes
// stay generic instead of keeping per-op tables.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_COMMON_PIPEOPINTERFACE
#define ASCEND_COMMON_PIPEOPINTERFACE

include "mlir/IR/OpBase.td"

def Ascend_PipeOpInterface : OpInterface<"PipeOpInterface"> {
  let description = [{
    An operation that executes on one pipe of the AI core. The pipe may depend
    on the operation's operands (a copy runs on MTE2, MTE3 or MTE1 depending on
    its source and destination memory spaces).
  }];
  let cppNamespace = "::ascend";
  let methods = [
    InterfaceMethod<"Returns the pipe that executes this operation.",
      "::ascend::Pipe", "getPipe">
  ];
}

#endif // ASCEND_COMMON_PIPEOPINTERFACE
