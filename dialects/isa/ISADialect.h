//===- ISADialect.h - Instruction-level dialect -----------------*- C++ -*-===//

#ifndef ASCEND_ISA_ISADIALECT_H
#define ASCEND_ISA_ISADIALECT_H

#include "mlir/IR/Dialect.h"

#include "isa/ISADialect.h.inc"

#endif // ASCEND_ISA_ISADIALECT_H
