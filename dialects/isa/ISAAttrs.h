//===- ISAAttrs.h - Attributes of the isa dialect ---------------*- C++ -*-===//

#ifndef ASCEND_ISA_ISAATTRS_H
#define ASCEND_ISA_ISAATTRS_H

#include "common/AscendEnums.h"
#include "mlir/IR/Attributes.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/OpImplementation.h"

#include "isa/ISAEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "isa/ISAAttrs.h.inc"

namespace ascend::isa {
/// Parses and prints the body of an address, `space[rN + imm]`, shared by the
/// `#isa.addr<...>` attribute syntax and the instructions' operand syntax.
mlir::ParseResult parseAddressBody(mlir::AsmParser &parser,
                                   AddressAttr &address);
void printAddressBody(mlir::AsmPrinter &printer, AddressAttr address);

/// Parses `rN` into a register index.
mlir::ParseResult parseRegisterName(mlir::AsmParser &parser, uint32_t &reg);
} // namespace ascend::isa

#endif // ASCEND_ISA_ISAATTRS_H
