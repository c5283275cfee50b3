//===- ISAAttrs.cpp - Attributes of the isa dialect -----------------------===//

#include "isa/ISAAttrs.h"

using namespace mlir;
using namespace ascend;
using namespace ascend::isa;

ParseResult ascend::isa::parseRegisterName(AsmParser &parser, uint32_t &reg) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef name;
  if (failed(parser.parseOptionalKeyword(&name)) || !name.consume_front("r") ||
      name.empty() || name.getAsInteger(10, reg))
    return parser.emitError(loc, "expected a scalar register rN");
  return success();
}

ParseResult ascend::isa::parseAddressBody(AsmParser &parser,
                                          AddressAttr &address) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef spaceName;
  uint32_t base;
  if (parser.parseKeyword(&spaceName))
    return failure();
  std::optional<MemorySpace> space = symbolizeMemorySpace(spaceName);
  if (!space)
    return parser.emitError(loc, "unknown memory space '") << spaceName << "'";
  if (parser.parseLSquare() || parseRegisterName(parser, base))
    return failure();
  int64_t offset = 0;
  if (succeeded(parser.parseOptionalPlus()) && parser.parseInteger(offset))
    return failure();
  if (parser.parseRSquare())
    return failure();
  address = AddressAttr::getChecked([&] { return parser.emitError(loc); },
                                    parser.getContext(), *space, base, offset);
  return success(address != nullptr);
}

void ascend::isa::printAddressBody(AsmPrinter &printer, AddressAttr address) {
  printer << stringifyMemorySpace(address.getSpace()) << "[r"
          << address.getBase();
  if (address.getOffset() != 0)
    printer << " + " << address.getOffset();
  printer << "]";
}

Attribute AddressAttr::parse(AsmParser &parser, Type) {
  AddressAttr address;
  if (parser.parseLess() || parseAddressBody(parser, address) ||
      parser.parseGreater())
    return {};
  return address;
}

void AddressAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printAddressBody(printer, *this);
  printer << ">";
}

LogicalResult AddressAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                  MemorySpace space, uint32_t base,
                                  int64_t offset) {
  if (base > 31)
    return emitError() << "register r" << base
                       << " does not exist (scalar registers are r0..r31)";
  if (offset < 0)
    return emitError() << "address offset " << offset << " is negative";
  return success();
}
