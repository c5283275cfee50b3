//===- PlanReader.cpp - Decode and verify a binary plan -------------------===//
//
// Every read is bounds-checked against its section and every count against
// the bytes left, so no input makes the reader crash or allocate without
// bound. Instructions are rebuilt by name and attributes and then checked by
// the ops' own verifiers; errors name the file, section, byte offset, kernel
// and instruction. See docs/plan-format.md.
//
//===----------------------------------------------------------------------===//

#include "ascend/Target/Plan.h"

#include "PlanFormat.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/DataExtractor.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace ascend;
using namespace ascend::plan;
using namespace ascend::plan::format;

namespace {

class PlanReader;

/// Reads one section front to back; every read is checked against the
/// section's end and reports a truncation error through the reader.
class Cursor {
public:
  Cursor(PlanReader &reader, SectionId id, StringRef bytes, uint64_t base)
      : reader(reader), id(id),
        data(bytes, /*IsLittleEndian=*/true, /*AddressSize=*/8),
        size(bytes.size()), base(base) {}

  LogicalResult u8(uint8_t &value) {
    return read(1, [&] { value = data.getU8(&offset); });
  }
  LogicalResult u32(uint32_t &value) {
    return read(4, [&] { value = data.getU32(&offset); });
  }
  LogicalResult u64(uint64_t &value) {
    return read(8, [&] { value = data.getU64(&offset); });
  }
  LogicalResult i64(int64_t &value) {
    uint64_t bits;
    if (failed(u64(bits)))
      return failure();
    value = int64_t(bits);
    return success();
  }
  LogicalResult bytes(uint64_t count, StringRef &value) {
    return read(count, [&] {
      value = data.getData().substr(offset, count);
      offset += count;
    });
  }
  /// Reads an entry count and checks that `count` entries of at least
  /// `minEntrySize` bytes fit in what is left, before anyone allocates.
  LogicalResult count(uint32_t &value, uint64_t minEntrySize, StringRef what);
  /// Fails unless the whole section has been read.
  LogicalResult finish();

  SectionId getId() const { return id; }
  /// File offset of the next byte to read.
  uint64_t getFileOffset() const { return base + offset; }
  uint64_t remaining() const { return size - offset; }

private:
  template <typename Fn> LogicalResult read(uint64_t n, Fn fn);

  PlanReader &reader;
  SectionId id;
  llvm::DataExtractor data;
  uint64_t size, base, offset = 0;
};

/// Where the reader is, for diagnostics.
struct Position {
  std::optional<uint32_t> kernel;
  StringRef kernelName;
  std::optional<uint32_t> instruction;
};

class PlanReader {
public:
  PlanReader(StringRef bytes, StringRef bufferName, MLIRContext *context)
      : bytes(bytes), bufferName(bufferName), context(context),
        builder(context) {}

  OwningOpRef<isa::PlanOp> read();

  /// Reports an error at byte `offset` of section `section`.
  InFlightDiagnostic error(std::optional<SectionId> section, uint64_t offset);
  InFlightDiagnostic error(const Cursor &cursor) {
    return error(cursor.getId(), cursor.getFileOffset());
  }

private:
  struct SectionRef {
    uint64_t offset = 0, size = 0;
    bool present = false;
  };

  LogicalResult readHeader();
  Cursor section(SectionId id) {
    SectionRef ref = sections[uint32_t(id)];
    return Cursor(*this, id, bytes.substr(ref.offset, ref.size), ref.offset);
  }

  LogicalResult readStrings();
  LogicalResult readLocations();
  LogicalResult readPlanInfo();
  LogicalResult readTensors();
  LogicalResult readConstants();
  LogicalResult readOpcodes();
  LogicalResult readDebug();
  LogicalResult readKernels();
  LogicalResult readInstructions(Cursor &cursor, Block &block, unsigned depth);
  LogicalResult readAttribute(Cursor &cursor, NamedAttrList &attrs);

  LogicalResult readString(Cursor &cursor, StringRef &value);
  LogicalResult readLocation(Cursor &cursor, Location &value);
  LogicalResult readTypeCode(Cursor &cursor, Type &type);
  LogicalResult readShapedType(Cursor &cursor, RankedTensorType &type,
                               uint64_t &elements);

  /// A location for a decoded op, read at `offset` of `cursor`'s section,
  /// that names its place in the file while the plan is verified; the op
  /// gets `original` back afterwards.
  Location track(Location original, const Cursor &cursor, uint64_t offset,
                 const Twine &what);
  /// Re-reports a diagnostic on a tracked op at the file, naming the op's
  /// place; fails for other diagnostics.
  LogicalResult reportTracked(Diagnostic &diag);

  StringRef bytes, bufferName;
  MLIRContext *context;
  OpBuilder builder;
  SectionRef sections[kMaxSectionId + 1];
  Position position;
  /// Pre-order index of the next instruction of the current kernel.
  uint32_t nextInstruction = 0;

  SmallVector<StringRef> strings;
  SmallVector<Location> locations;
  SmallVector<OperationName> opcodes;
  OwningOpRef<isa::PlanOp> plan;
  /// (kernel, instruction) -> location from the debug table.
  llvm::DenseMap<std::pair<uint32_t, uint32_t>, Location> debugLocations;
  uint32_t numDebugUsed = 0;

  /// Tracking location -> (description, original location).
  llvm::DenseMap<Location, std::pair<std::string, Location>> tracked;
};

} // namespace

//===----------------------------------------------------------------------===//
// Cursor
//===----------------------------------------------------------------------===//

template <typename Fn> LogicalResult Cursor::read(uint64_t n, Fn fn) {
  if (n > remaining()) {
    reader.error(*this) << "truncated: needs " << n << " byte"
                        << (n == 1 ? "" : "s") << " but the section has "
                        << remaining() << " left";
    return failure();
  }
  fn();
  return success();
}

LogicalResult Cursor::count(uint32_t &value, uint64_t minEntrySize,
                            StringRef what) {
  uint64_t at = getFileOffset();
  if (failed(u32(value)))
    return failure();
  if (uint64_t(value) * minEntrySize > remaining()) {
    reader.error(id, at) << "count of " << value << " " << what
                         << " does not fit in the " << remaining()
                         << " bytes left in the section";
    return failure();
  }
  return success();
}

LogicalResult Cursor::finish() {
  if (remaining() == 0)
    return success();
  reader.error(*this) << remaining()
                      << " unexpected bytes at the end of the section";
  return failure();
}

//===----------------------------------------------------------------------===//
// Diagnostics
//===----------------------------------------------------------------------===//

InFlightDiagnostic PlanReader::error(std::optional<SectionId> section,
                                     uint64_t offset) {
  // "FILE:0:0: error: section 'kernels', byte 1234, kernel #0 @k,
  // instruction #3: ..."; the location names the file for other handlers.
  InFlightDiagnostic diag =
      emitError(FileLineColLoc::get(context, bufferName, 0, 0));
  if (section)
    diag << "section '" << getSectionName(*section) << "', ";
  else
    diag << "header, ";
  diag << "byte " << offset;
  if (section && position.kernel)
    diag << ", kernel #" << *position.kernel << " @" << position.kernelName;
  if (section && position.instruction)
    diag << ", instruction #" << *position.instruction;
  diag << ": ";
  return diag;
}

Location PlanReader::track(Location original, const Cursor &cursor,
                           uint64_t offset, const Twine &what) {
  std::string description;
  llvm::raw_string_ostream os(description);
  os << "section '" << getSectionName(cursor.getId()) << "', byte " << offset
     << ", " << what;
  if (!llvm::isa<UnknownLoc>(original))
    os << " (" << original << ")";
  Location loc = NameLoc::get(StringAttr::get(context, description), original);
  tracked.try_emplace(loc, description, original);
  return loc;
}

LogicalResult PlanReader::reportTracked(Diagnostic &diag) {
  auto it = tracked.find(diag.getLocation());
  if (it == tracked.end())
    return failure();
  // Re-emit at the file with the op's place in it, like decoding errors.
  Diagnostic located(FileLineColLoc::get(context, bufferName, 0, 0),
                     diag.getSeverity());
  located << it->second.first << ": " << diag.str();
  for (Diagnostic &note : diag.getNotes())
    located.attachNote(note.getLocation()) << note.str();
  context->getDiagEngine().emit(std::move(located));
  return success();
}

//===----------------------------------------------------------------------===//
// Header and tables
//===----------------------------------------------------------------------===//

LogicalResult PlanReader::readHeader() {
  if (bytes.size() < kHeaderSize) {
    error(std::nullopt, bytes.size())
        << "file is " << bytes.size() << " bytes, too short for the "
        << kHeaderSize << "-byte plan header";
    return failure();
  }
  if (!bytes.starts_with(kMagic)) {
    error(std::nullopt, 0) << "not a plan file (bad magic number)";
    return failure();
  }
  llvm::DataExtractor header(bytes, /*IsLittleEndian=*/true, /*AddressSize=*/8);
  uint64_t offset = kMagic.size();
  uint32_t version = header.getU32(&offset);
  if (version != kFormatVersion) {
    error(std::nullopt, offset - 4)
        << "unsupported plan format version " << version
        << " (this reader reads version " << kFormatVersion << ")";
    return failure();
  }
  uint32_t count = header.getU32(&offset);
  if (count > kMaxSectionId) {
    error(std::nullopt, offset - 4)
        << "section count " << count << " exceeds the " << kMaxSectionId
        << " section kinds";
    return failure();
  }
  uint64_t tableEnd = kHeaderSize + count * kSectionEntrySize;
  if (bytes.size() < tableEnd) {
    error(std::nullopt, bytes.size())
        << "truncated: the section table needs " << tableEnd
        << " bytes but the file has " << bytes.size();
    return failure();
  }
  SmallVector<std::pair<uint64_t, uint64_t>> ranges;
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t entry = offset;
    uint32_t id = header.getU32(&offset);
    uint32_t reserved = header.getU32(&offset);
    uint64_t start = header.getU64(&offset);
    uint64_t size = header.getU64(&offset);
    if (id == 0 || id > kMaxSectionId) {
      error(std::nullopt, entry) << "unknown section id " << id;
      return failure();
    }
    SectionId sectionId = SectionId(id);
    if (sections[id].present) {
      error(std::nullopt, entry)
          << "duplicate section '" << getSectionName(sectionId) << "'";
      return failure();
    }
    if (reserved != 0) {
      error(std::nullopt, entry + 4)
          << "reserved field of section '" << getSectionName(sectionId)
          << "' is " << reserved << ", must be 0";
      return failure();
    }
    if (start < tableEnd || start > bytes.size() ||
        size > bytes.size() - start) {
      error(std::nullopt, entry + 8)
          << "section '" << getSectionName(sectionId) << "' [" << start << ", "
          << start + size << ") is outside the file's " << bytes.size()
          << " bytes of section data [" << tableEnd << ", " << bytes.size()
          << ")";
      return failure();
    }
    if (sectionId == SectionId::Data && start % kDataAlignment != 0) {
      error(std::nullopt, entry + 8)
          << "section 'data' at offset " << start << " is not "
          << kDataAlignment << "-byte aligned";
      return failure();
    }
    sections[id] = {start, size, true};
    ranges.push_back({start, start + size});
  }
  llvm::sort(ranges);
  for (size_t i = 1; i < ranges.size(); ++i)
    if (ranges[i].first < ranges[i - 1].second) {
      error(std::nullopt, ranges[i].first) << "sections overlap";
      return failure();
    }
  for (uint32_t id = 1; id <= kMaxSectionId; ++id)
    if (!sections[id].present && SectionId(id) != SectionId::Debug) {
      error(std::nullopt, kHeaderSize)
          << "missing section '" << getSectionName(SectionId(id)) << "'";
      return failure();
    }
  return success();
}

LogicalResult PlanReader::readStrings() {
  Cursor cursor = section(SectionId::Strings);
  uint32_t count;
  if (failed(cursor.count(count, 4, "strings")))
    return failure();
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t length;
    StringRef string;
    if (failed(cursor.u32(length)) || failed(cursor.bytes(length, string)))
      return failure();
    strings.push_back(string);
  }
  return cursor.finish();
}

LogicalResult PlanReader::readString(Cursor &cursor, StringRef &value) {
  uint64_t at = cursor.getFileOffset();
  uint32_t index;
  if (failed(cursor.u32(index)))
    return failure();
  if (index >= strings.size()) {
    error(cursor.getId(), at) << "string index " << index << " out of range ("
                              << strings.size() << " strings)";
    return failure();
  }
  value = strings[index];
  return success();
}

LogicalResult PlanReader::readLocation(Cursor &cursor, Location &value) {
  uint64_t at = cursor.getFileOffset();
  uint32_t index;
  if (failed(cursor.u32(index)))
    return failure();
  if (index >= locations.size()) {
    error(cursor.getId(), at) << "location index " << index << " out of range ("
                              << locations.size() << " locations defined here)";
    return failure();
  }
  value = locations[index];
  return success();
}

LogicalResult PlanReader::readLocations() {
  Cursor cursor = section(SectionId::Locations);
  uint32_t count;
  if (failed(cursor.count(count, 1, "locations")))
    return failure();
  // Entries refer only to earlier entries, so `locations` grows as we go and
  // readLocation() rejects forward references.
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t at = cursor.getFileOffset();
    uint8_t kind;
    if (failed(cursor.u8(kind)))
      return failure();
    switch (LocKind(kind)) {
    case LocKind::Unknown:
      locations.push_back(UnknownLoc::get(context));
      break;
    case LocKind::FileLineCol: {
      StringRef file;
      uint32_t startLine, startCol, endLine, endCol;
      if (failed(readString(cursor, file)) || failed(cursor.u32(startLine)) ||
          failed(cursor.u32(startCol)) || failed(cursor.u32(endLine)) ||
          failed(cursor.u32(endCol)))
        return failure();
      StringAttr name = StringAttr::get(context, file);
      // The forms the parser builds, so the printed location is the same.
      if (startLine == endLine && startCol == endCol)
        locations.push_back(FileLineColLoc::get(name, startLine, startCol));
      else if (startLine == endLine)
        locations.push_back(
            FileLineColRange::get(name, startLine, startCol, endCol));
      else
        locations.push_back(
            FileLineColRange::get(name, startLine, startCol, endLine, endCol));
      break;
    }
    case LocKind::Name: {
      StringRef name;
      Location child = UnknownLoc::get(context);
      if (failed(readString(cursor, name)) ||
          failed(readLocation(cursor, child)))
        return failure();
      locations.push_back(NameLoc::get(StringAttr::get(context, name), child));
      break;
    }
    case LocKind::Fused: {
      uint32_t metadata, n;
      if (failed(cursor.u32(metadata)))
        return failure();
      Attribute metadataAttr;
      if (metadata != 0) {
        if (metadata - 1 >= strings.size()) {
          error(cursor.getId(), cursor.getFileOffset() - 4)
              << "fused location metadata string " << metadata - 1
              << " out of range (" << strings.size() << " strings)";
          return failure();
        }
        metadataAttr = StringAttr::get(context, strings[metadata - 1]);
      }
      if (failed(cursor.count(n, 4, "fused locations")))
        return failure();
      SmallVector<Location> children;
      for (uint32_t j = 0; j < n; ++j) {
        Location child = UnknownLoc::get(context);
        if (failed(readLocation(cursor, child)))
          return failure();
        children.push_back(child);
      }
      // The raw uniquer: FusedLoc::get(locs, ...) would simplify the list.
      locations.push_back(FusedLoc::get(context, children, metadataAttr));
      break;
    }
    case LocKind::CallSite: {
      Location callee = UnknownLoc::get(context);
      Location caller = UnknownLoc::get(context);
      if (failed(readLocation(cursor, callee)) ||
          failed(readLocation(cursor, caller)))
        return failure();
      locations.push_back(CallSiteLoc::get(callee, caller));
      break;
    }
    default:
      error(cursor.getId(), at) << "unknown location kind " << unsigned(kind);
      return failure();
    }
  }
  return cursor.finish();
}

LogicalResult PlanReader::readTypeCode(Cursor &cursor, Type &type) {
  uint8_t code;
  if (failed(cursor.u8(code)))
    return failure();
  type = getTypeFromCode(code, context);
  if (!type) {
    error(cursor.getId(), cursor.getFileOffset() - 1)
        << "unknown type code " << unsigned(code);
    return failure();
  }
  return success();
}

LogicalResult PlanReader::readShapedType(Cursor &cursor, RankedTensorType &type,
                                         uint64_t &elements) {
  Type elementType;
  uint32_t rank;
  if (failed(readTypeCode(cursor, elementType)))
    return failure();
  if (elementType.isIndex()) {
    error(cursor.getId(), cursor.getFileOffset() - 1)
        << "index is not a tensor element type";
    return failure();
  }
  uint64_t at = cursor.getFileOffset();
  if (failed(cursor.u32(rank)))
    return failure();
  if (rank > kMaxRank) {
    error(cursor.getId(), at)
        << "rank " << rank << " exceeds the maximum of " << kMaxRank;
    return failure();
  }
  SmallVector<int64_t> shape;
  elements = 1;
  for (uint32_t i = 0; i < rank; ++i) {
    uint64_t dim;
    at = cursor.getFileOffset();
    if (failed(cursor.u64(dim)))
      return failure();
    if (dim > uint64_t(kMaxDim)) {
      error(cursor.getId(), at)
          << "dimension " << dim << " exceeds the maximum of " << kMaxDim;
      return failure();
    }
    elements = llvm::SaturatingMultiply(elements, dim);
    if (elements > kMaxElements) {
      error(cursor.getId(), at)
          << "shape has more than " << kMaxElements << " elements";
      return failure();
    }
    shape.push_back(int64_t(dim));
  }
  type = RankedTensorType::get(shape, elementType);
  return success();
}

/// Reads a u64 that must fit an int64_t attribute.
static LogicalResult readNonNegative(PlanReader &reader, Cursor &cursor,
                                     int64_t &value, StringRef what) {
  uint64_t raw;
  if (failed(cursor.u64(raw)))
    return failure();
  if (raw > uint64_t(std::numeric_limits<int64_t>::max())) {
    reader.error(cursor.getId(), cursor.getFileOffset() - 8)
        << what << " " << raw << " does not fit in a signed 64-bit integer";
    return failure();
  }
  value = int64_t(raw);
  return success();
}

LogicalResult PlanReader::readPlanInfo() {
  Cursor cursor = section(SectionId::Plan);
  uint64_t start = cursor.getFileOffset();
  StringRef target;
  int64_t gmSize;
  Location loc = UnknownLoc::get(context);
  if (failed(readString(cursor, target)) ||
      failed(readNonNegative(*this, cursor, gmSize, "gm_size")) ||
      failed(readLocation(cursor, loc)) || failed(cursor.finish()))
    return failure();
  plan = isa::PlanOp::create(builder, track(loc, cursor, start, "the plan"),
                             builder.getStringAttr(target),
                             builder.getI64IntegerAttr(gmSize));
  plan->getBody().emplaceBlock();
  return success();
}

LogicalResult PlanReader::readTensors() {
  Cursor cursor = section(SectionId::Tensors);
  uint32_t count;
  // name, kind, type code, rank, offset, location
  if (failed(cursor.count(count, 4 + 1 + 1 + 4 + 8 + 4, "tensors")))
    return failure();
  builder.setInsertionPointToEnd(&plan->getBody().front());
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t start = cursor.getFileOffset();
    StringRef name;
    uint8_t kind;
    RankedTensorType type;
    uint64_t elements;
    int64_t offset;
    Location loc = UnknownLoc::get(context);
    if (failed(readString(cursor, name)) || failed(cursor.u8(kind)))
      return failure();
    std::optional<isa::TensorKind> tensorKind = isa::symbolizeTensorKind(kind);
    if (!tensorKind) {
      error(cursor.getId(), cursor.getFileOffset() - 1)
          << "tensor kind " << unsigned(kind)
          << " is neither input (0) nor output (1)";
      return failure();
    }
    if (failed(readShapedType(cursor, type, elements)) ||
        failed(readNonNegative(*this, cursor, offset, "tensor offset")) ||
        failed(readLocation(cursor, loc)))
      return failure();
    isa::TensorOp::create(
        builder,
        track(loc, cursor, start, "tensor #" + Twine(i) + " '" + name + "'"),
        builder.getStringAttr(name),
        isa::TensorKindAttr::get(context, *tensorKind), TypeAttr::get(type),
        builder.getI64IntegerAttr(offset));
  }
  return cursor.finish();
}

LogicalResult PlanReader::readConstants() {
  Cursor cursor = section(SectionId::Constants);
  SectionRef dataRef = sections[uint32_t(SectionId::Data)];
  StringRef data = bytes.substr(dataRef.offset, dataRef.size);
  uint32_t count;
  // name, type code, rank, gm offset, data offset, data size, location
  if (failed(cursor.count(count, 4 + 1 + 4 + 8 + 8 + 8 + 4, "constants")))
    return failure();
  builder.setInsertionPointToEnd(&plan->getBody().front());
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t start = cursor.getFileOffset();
    StringRef name;
    RankedTensorType type;
    uint64_t elements, dataOffset, dataSize;
    int64_t offset;
    Location loc = UnknownLoc::get(context);
    if (failed(readString(cursor, name)) ||
        failed(readShapedType(cursor, type, elements)) ||
        failed(readNonNegative(*this, cursor, offset, "constant offset")) ||
        failed(cursor.u64(dataOffset)) || failed(cursor.u64(dataSize)))
      return failure();
    uint64_t at = cursor.getFileOffset() - 16;
    if (name.empty()) {
      error(cursor.getId(), at) << "constant #" << i << " has an empty name";
      return failure();
    }
    uint64_t expected = elements * getStorageBytes(type.getElementType());
    if (dataSize != expected) {
      error(cursor.getId(), at + 8)
          << "constant #" << i << " '" << name << "' has " << dataSize
          << " bytes of data, but " << type << " needs " << expected;
      return failure();
    }
    if (dataOffset % kDataAlignment != 0 || dataOffset > data.size() ||
        dataSize > data.size() - dataOffset) {
      error(cursor.getId(), at)
          << "constant #" << i << " '" << name << "' data [" << dataOffset
          << ", +" << dataSize << ") is not a " << kDataAlignment
          << "-byte aligned range of the " << data.size()
          << "-byte data section";
      return failure();
    }
    if (failed(readLocation(cursor, loc)))
      return failure();
    StringRef payload = data.substr(dataOffset, dataSize);
    AsmResourceBlob blob = HeapAsmResourceBlob::allocateAndCopyWithAlign(
        ArrayRef<char>(payload.data(), payload.size()),
        getStorageBytes(type.getElementType()));
    auto value = DenseResourceElementsAttr::get(type, name, std::move(blob));
    isa::ConstantOp::create(
        builder,
        track(loc, cursor, start, "constant #" + Twine(i) + " '" + name + "'"),
        builder.getI64IntegerAttr(offset), value);
  }
  return cursor.finish();
}

LogicalResult PlanReader::readOpcodes() {
  Cursor cursor = section(SectionId::Opcodes);
  uint32_t count;
  if (failed(cursor.count(count, 4, "opcodes")))
    return failure();
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t at = cursor.getFileOffset();
    StringRef name;
    if (failed(readString(cursor, name)))
      return failure();
    std::optional<RegisteredOperationName> op =
        RegisteredOperationName::lookup(name, context);
    bool isInstruction =
        op &&
        op->getDialectNamespace() == isa::ISADialect::getDialectNamespace() &&
        !llvm::is_contained(
            {TypeID::get<isa::PlanOp>(), TypeID::get<isa::TensorOp>(),
             TypeID::get<isa::ConstantOp>(), TypeID::get<isa::KernelOp>()},
            op->getTypeID());
    if (!isInstruction) {
      error(cursor.getId(), at) << "unknown opcode '" << name << "' (opcode #"
                                << i << " is not an isa instruction)";
      return failure();
    }
    opcodes.push_back(*op);
  }
  return cursor.finish();
}

LogicalResult PlanReader::readDebug() {
  if (!sections[uint32_t(SectionId::Debug)].present)
    return success();
  Cursor cursor = section(SectionId::Debug);
  uint32_t count;
  if (failed(cursor.count(count, 12, "debug entries")))
    return failure();
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t at = cursor.getFileOffset();
    uint32_t kernel, instruction;
    Location loc = UnknownLoc::get(context);
    if (failed(cursor.u32(kernel)) || failed(cursor.u32(instruction)) ||
        failed(readLocation(cursor, loc)))
      return failure();
    if (!debugLocations.try_emplace({kernel, instruction}, loc).second) {
      error(cursor.getId(), at) << "duplicate debug entry for kernel #"
                                << kernel << ", instruction #" << instruction;
      return failure();
    }
  }
  return cursor.finish();
}

//===----------------------------------------------------------------------===//
// Kernels and instructions
//===----------------------------------------------------------------------===//

LogicalResult PlanReader::readAttribute(Cursor &cursor, NamedAttrList &attrs) {
  uint64_t at = cursor.getFileOffset();
  StringRef name;
  uint8_t kind;
  if (failed(readString(cursor, name)))
    return failure();
  if (name.empty()) {
    error(cursor.getId(), at) << "empty attribute name";
    return failure();
  }
  uint64_t kindAt = cursor.getFileOffset();
  if (failed(cursor.u8(kind)))
    return failure();
  auto bad = [&](uint64_t offset) -> InFlightDiagnostic {
    InFlightDiagnostic diag = error(cursor.getId(), offset);
    diag << "attribute '" << name << "': ";
    return diag;
  };
  Attribute value;
  switch (AttrKind(kind)) {
  case AttrKind::Integer: {
    Type type;
    int64_t payload;
    if (failed(readTypeCode(cursor, type)) || failed(cursor.i64(payload)))
      return failure();
    if (!llvm::isa<IntegerType, IndexType>(type)) {
      bad(kindAt + 1) << "integer attribute of type " << type;
      return failure();
    }
    unsigned width = type.isIndex() ? 64 : type.getIntOrFloatBitWidth();
    bool zext = type.isUnsignedInteger() || type.isInteger(1);
    bool fits = zext ? llvm::isUIntN(width, uint64_t(payload))
                     : llvm::isIntN(width, payload);
    if (!fits) {
      bad(kindAt + 2) << "value " << payload << " does not fit in " << type;
      return failure();
    }
    value = IntegerAttr::get(type, APInt(width, uint64_t(payload), !zext,
                                         /*implicitTrunc=*/true));
    break;
  }
  case AttrKind::Float: {
    Type type;
    uint64_t bits;
    if (failed(readTypeCode(cursor, type)) || failed(cursor.u64(bits)))
      return failure();
    auto floatType = dyn_cast<FloatType>(type);
    if (!floatType) {
      bad(kindAt + 1) << "float attribute of type " << type;
      return failure();
    }
    unsigned width = floatType.getWidth();
    if (!llvm::isUIntN(width, bits)) {
      bad(kindAt + 2) << "bits 0x" << llvm::utohexstr(bits) << " do not fit in "
                      << type;
      return failure();
    }
    value = FloatAttr::get(
        type, APFloat(floatType.getFloatSemantics(), APInt(width, bits)));
    break;
  }
  case AttrKind::Unit:
    value = UnitAttr::get(context);
    break;
  case AttrKind::Type: {
    Type type;
    if (failed(readTypeCode(cursor, type)))
      return failure();
    value = TypeAttr::get(type);
    break;
  }
  case AttrKind::String: {
    StringRef string;
    if (failed(readString(cursor, string)))
      return failure();
    value = StringAttr::get(context, string);
    break;
  }
  case AttrKind::Pipe: {
    uint32_t raw;
    if (failed(cursor.u32(raw)))
      return failure();
    std::optional<Pipe> pipe = symbolizePipe(raw);
    if (!pipe) {
      bad(kindAt + 1) << "unknown pipe " << raw;
      return failure();
    }
    value = isa::PipeAttr::get(context, *pipe);
    break;
  }
  case AttrKind::Address: {
    uint8_t space;
    uint32_t base;
    int64_t offset;
    if (failed(cursor.u8(space)) || failed(cursor.u32(base)) ||
        failed(cursor.i64(offset)))
      return failure();
    std::optional<MemorySpace> memorySpace = symbolizeMemorySpace(space);
    if (!memorySpace) {
      bad(kindAt + 1) << "unknown memory space " << unsigned(space);
      return failure();
    }
    value = isa::AddressAttr::getChecked([&] { return bad(kindAt + 1); },
                                         context, *memorySpace, base, offset);
    if (!value)
      return failure();
    break;
  }
  default:
    bad(kindAt) << "unknown attribute kind " << unsigned(kind);
    return failure();
  }
  attrs.append(StringAttr::get(context, name), value);
  return success();
}

LogicalResult PlanReader::readInstructions(Cursor &cursor, Block &block,
                                           unsigned depth) {
  uint32_t count;
  // opcode, attribute count, region count
  if (failed(cursor.count(count, 12, "instructions")))
    return failure();
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t index = nextInstruction++;
    position.instruction = index;

    uint64_t at = cursor.getFileOffset();
    uint32_t opcode;
    if (failed(cursor.u32(opcode)))
      return failure();
    if (opcode >= opcodes.size()) {
      error(cursor.getId(), at) << "opcode " << opcode << " out of range ("
                                << opcodes.size() << " opcodes)";
      return failure();
    }
    OperationName name = opcodes[opcode];

    uint32_t numAttrs;
    if (failed(cursor.count(numAttrs, 5, "attributes")))
      return failure();
    NamedAttrList attrs;
    for (uint32_t j = 0; j < numAttrs; ++j)
      if (failed(readAttribute(cursor, attrs)))
        return failure();
    if (std::optional<NamedAttribute> duplicate = attrs.findDuplicate()) {
      error(cursor.getId(), at)
          << "duplicate attribute '" << duplicate->getName().getValue()
          << "' on '" << name.getStringRef() << "'";
      return failure();
    }

    uint64_t regionsAt = cursor.getFileOffset();
    uint32_t numRegions;
    if (failed(cursor.count(numRegions, 4, "regions")))
      return failure();
    if (numRegions && depth >= kMaxRegionDepth) {
      error(cursor.getId(), regionsAt)
          << "regions nest deeper than " << kMaxRegionDepth << " levels";
      return failure();
    }

    auto found = debugLocations.find({*position.kernel, index});
    Location original = UnknownLoc::get(context);
    if (found != debugLocations.end()) {
      original = found->second;
      ++numDebugUsed;
    }
    Location loc =
        track(original, cursor, at,
              "kernel #" + Twine(*position.kernel) + " @" +
                  position.kernelName + ", instruction #" + Twine(index));

    // Attribute kinds and ranges first: a wrong kind would otherwise be
    // dropped when the op stores its properties.
    if (std::optional<RegisteredOperationName> registered =
            name.getRegisteredInfo())
      if (failed(registered->verifyInherentAttrs(attrs, [&] {
            InFlightDiagnostic diag = emitError(loc);
            diag << "'" << name.getStringRef() << "' op ";
            return diag;
          })))
        return failure();

    OperationState state(loc, name);
    state.attributes = std::move(attrs);
    for (uint32_t r = 0; r < numRegions; ++r)
      state.addRegion();
    Operation *op = Operation::create(state);
    block.push_back(op);
    for (Region &region : op->getRegions())
      if (failed(readInstructions(cursor, region.emplaceBlock(), depth + 1)))
        return failure();
  }
  return success();
}

LogicalResult PlanReader::readKernels() {
  Cursor cursor = section(SectionId::Kernels);
  uint32_t count;
  // name, block_dim, location, instruction count
  if (failed(cursor.count(count, 16, "kernels")))
    return failure();
  builder.setInsertionPointToEnd(&plan->getBody().front());
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t start = cursor.getFileOffset();
    StringRef name;
    uint32_t blockDim;
    Location loc = UnknownLoc::get(context);
    if (failed(readString(cursor, name)) || failed(cursor.u32(blockDim)) ||
        failed(readLocation(cursor, loc)))
      return failure();
    auto kernel = isa::KernelOp::create(
        builder, track(loc, cursor, start, "kernel #" + Twine(i) + " @" + name),
        builder.getStringAttr(name), builder.getI32IntegerAttr(blockDim));
    position.kernel = i;
    position.kernelName = name;
    nextInstruction = 0;
    if (failed(readInstructions(cursor, kernel.getBody().emplaceBlock(), 0)))
      return failure();
    position = {};
  }
  return cursor.finish();
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

OwningOpRef<isa::PlanOp> PlanReader::read() {
  context->getOrLoadDialect<isa::ISADialect>();

  // Name the op's place in the file in every error the verifiers report.
  ScopedDiagnosticHandler handler(
      context, [&](Diagnostic &diag) { return reportTracked(diag); });

  if (failed(readHeader()) || failed(readStrings()) ||
      failed(readLocations()) || failed(readPlanInfo()) ||
      failed(readTensors()) || failed(readConstants()) ||
      failed(readOpcodes()) || failed(readDebug()) || failed(readKernels()))
    return nullptr;
  if (numDebugUsed != debugLocations.size()) {
    error(SectionId::Debug, sections[uint32_t(SectionId::Debug)].offset)
        << debugLocations.size() - numDebugUsed
        << " debug entries name instructions that do not exist";
    return nullptr;
  }

  // The verifiers catch out-of-range fields. The decoded op has just been
  // described by its location, so do not print it in the diagnostics.
  bool printOp = context->shouldPrintOpOnDiagnostic();
  context->printOpOnDiagnostic(false);
  LogicalResult verified = verify(*plan);
  context->printOpOnDiagnostic(printOp);
  if (failed(verified))
    return nullptr;

  plan->walk([&](Operation *op) {
    auto it = tracked.find(op->getLoc());
    if (it != tracked.end())
      op->setLoc(it->second.second);
  });
  return std::move(plan);
}

OwningOpRef<isa::PlanOp> ascend::plan::readPlan(StringRef bytes,
                                                StringRef bufferName,
                                                MLIRContext *context) {
  return PlanReader(bytes, bufferName, context).read();
}
