//===- NNDialect.h - Tensor-level graph dialect -----------------*- C++ -*-===//

#ifndef ASCEND_NN_NNDIALECT_H
#define ASCEND_NN_NNDIALECT_H

#include "mlir/IR/Dialect.h"

#include "nn/NNDialect.h.inc"

#endif // ASCEND_NN_NNDIALECT_H
