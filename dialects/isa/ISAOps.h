//===- ISAOps.h - Instructions of the isa dialect ---------------*- C++ -*-===//

#ifndef ASCEND_ISA_ISAOPS_H
#define ASCEND_ISA_ISAOPS_H

#include "common/PipeOpInterface.h"
#include "isa/ISAAttrs.h"
#include "isa/ISADialect.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"

#define GET_OP_CLASSES
#include "isa/ISAOps.h.inc"

#endif // ASCEND_ISA_ISAOPS_H
