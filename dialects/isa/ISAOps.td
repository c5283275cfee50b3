//===- ISAOps.td - Instructions of the isa dialect -----------*- tablegen -*-===//
//
// One file per unit of the core; this file only gathers them so that one
// TableGen run generates every op class.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_ISA_OPS
#define ASCEND_ISA_OPS

include "isa/ISAProgramOps.td"
include "isa/ISASyncOps.td"
include "isa/ISAScalarOps.td"
include "isa/ISAMemoryOps.td"
include "isa/ISACubeOps.td"
include "isa/ISAVectorOps.td"

#endif // ASCEND_ISA_OPS
