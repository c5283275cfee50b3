//===- NNAttrs.h - Attributes of the nn dialect -----------------*- C++ -*-===//

#ifndef ASCEND_NN_NNATTRS_H
#define ASCEND_NN_NNATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/TensorEncoding.h"

#include "nn/NNEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "nn/NNAttrs.h.inc"

#endif // ASCEND_NN_NNATTRS_H
