//===- MachineModel.cpp - One description of the NPU ----------------------===//

#include "ascend/Machine/MachineModel.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

using namespace ascend;
using llvm::json::Object;
using llvm::json::Path;

namespace {
struct Preset {
  llvm::StringLiteral name;
  llvm::StringLiteral json;
};
constexpr Preset presets[] = {
#include "Presets.inc"
};
} // namespace

const DataPathSpec *MachineModel::findPath(MemorySpace src,
                                           MemorySpace dst) const {
  for (const DataPathSpec &path : dataPaths)
    if (path.src == src && path.dst == dst)
      return &path;
  return nullptr;
}

double MachineModel::getPeakMacsPerCycle() const {
  return 16.0 * 16.0 * 16.0 / cube.f16CyclesPerFractal;
}

std::vector<llvm::StringRef> MachineModel::getPresetNames() {
  std::vector<llvm::StringRef> names;
  for (const Preset &preset : presets)
    names.push_back(preset.name);
  return names;
}

llvm::Expected<MachineModel> MachineModel::getPreset(llvm::StringRef name) {
  for (const Preset &preset : presets)
    if (preset.name == name)
      return fromJSON(preset.json, preset.name);
  std::string known;
  for (llvm::StringRef n : getPresetNames())
    known += (known.empty() ? "" : ", ") + n.str();
  return llvm::createStringError(llvm::formatv(
      "unknown machine preset '{0}' (known presets: {1})", name, known));
}

//===----------------------------------------------------------------------===//
// JSON mapping
//===----------------------------------------------------------------------===//

namespace {
/// Reads required fields of one JSON object, reporting the first problem
/// through the path so the message names the field.
class FieldReader {
public:
  FieldReader(const llvm::json::Value &value, Path path)
      : object(value.getAsObject()), path(path) {
    if (!object)
      path.report("expected an object");
  }

  bool ok() const { return object != nullptr; }

  template <typename T> bool readUnsigned(llvm::StringRef key, T &out) {
    if (!object)
      return false;
    std::optional<int64_t> v =
        object->get(key) ? object->get(key)->getAsInteger() : std::nullopt;
    if (!v || *v < 0) {
      path.field(key).report("expected a non-negative integer");
      return false;
    }
    out = static_cast<T>(*v);
    return true;
  }

  bool readPositiveNumber(llvm::StringRef key, double &out) {
    if (!object)
      return false;
    std::optional<double> v =
        object->get(key) ? object->get(key)->getAsNumber() : std::nullopt;
    if (!v || *v <= 0) {
      path.field(key).report("expected a positive number");
      return false;
    }
    out = *v;
    return true;
  }

  bool readString(llvm::StringRef key, std::string &out) {
    if (!object)
      return false;
    std::optional<llvm::StringRef> v =
        object->get(key) ? object->get(key)->getAsString() : std::nullopt;
    if (!v) {
      path.field(key).report("expected a string");
      return false;
    }
    out = v->str();
    return true;
  }

  /// A nested object; check ok() on the result.
  FieldReader child(llvm::StringRef key) {
    static const llvm::json::Value null = nullptr;
    const llvm::json::Value *v = object ? object->get(key) : nullptr;
    return FieldReader(v ? *v : null, path.field(key));
  }

  const Object *object;
  Path path;
};
} // namespace

static bool readMachine(const llvm::json::Value &root, MachineModel &m,
                        Path path) {
  FieldReader r(root, path);
  if (!r.ok() || !r.readString("name", m.name) ||
      !r.readUnsigned("cores", m.cores) ||
      !r.readPositiveNumber("clock_ghz", m.clockGHz) ||
      !r.readUnsigned("event_ids", m.eventIds) ||
      !r.readUnsigned("scalar_registers", m.scalarRegisters))
    return false;
  if (const llvm::json::Value *d = r.object->get("description"))
    m.description = d->getAsString().value_or("").str();
  if (m.cores == 0) {
    path.field("cores").report("must be at least 1");
    return false;
  }

  if (const llvm::json::Array *ordered =
          r.object->getArray("self_ordered_pipes")) {
    for (const llvm::json::Value &value : *ordered) {
      std::optional<Pipe> pipe;
      if (auto name = value.getAsString())
        pipe = symbolizePipe(*name);
      if (!pipe) {
        path.field("self_ordered_pipes").report("expected pipe names");
        return false;
      }
      m.selfOrderedPipes.push_back(*pipe);
    }
  }

  FieldReader gm = r.child("gm");
  if (!gm.readUnsigned("size", m.buffers[0].size) ||
      !gm.readPositiveNumber("hbm_bytes_per_cycle", m.hbmBytesPerCycle))
    return false;

  FieldReader buffers = r.child("buffers");
  if (!buffers.ok())
    return false;
  for (MemorySpace space : {MemorySpace::L1, MemorySpace::L0A, MemorySpace::L0B,
                            MemorySpace::L0C, MemorySpace::UB}) {
    FieldReader b = buffers.child(stringifyMemorySpace(space));
    BufferSpec &spec = m.buffers[static_cast<size_t>(space)];
    if (!b.readUnsigned("size", spec.size) ||
        !b.readUnsigned("align", spec.alignment))
      return false;
    if (spec.alignment == 0 || (spec.alignment & (spec.alignment - 1))) {
      b.path.field("align").report("must be a power of two");
      return false;
    }
  }

  const llvm::json::Array *paths = r.object->getArray("data_paths");
  if (!paths) {
    path.field("data_paths").report("expected an array");
    return false;
  }
  for (auto [index, value] : llvm::enumerate(*paths)) {
    FieldReader p(value, path.field("data_paths").index(index));
    std::string src, dst, pipe;
    DataPathSpec spec;
    if (!p.readString("src", src) || !p.readString("dst", dst) ||
        !p.readString("pipe", pipe) ||
        !p.readPositiveNumber("bytes_per_cycle", spec.bytesPerCycle) ||
        !p.readUnsigned("setup_cycles", spec.setupCycles))
      return false;
    auto srcSpace = symbolizeMemorySpace(src),
         dstSpace = symbolizeMemorySpace(dst);
    auto pipeKind = symbolizePipe(pipe);
    if (!srcSpace || !dstSpace || !pipeKind) {
      p.path.report("unknown memory space or pipe name");
      return false;
    }
    spec.src = *srcSpace;
    spec.dst = *dstSpace;
    spec.pipe = *pipeKind;
    m.dataPaths.push_back(spec);
  }

  FieldReader cube = r.child("cube");
  if (!cube.readUnsigned("f16_cycles_per_fractal",
                         m.cube.f16CyclesPerFractal) ||
      !cube.readUnsigned("f32_cycles_per_fractal",
                         m.cube.f32CyclesPerFractal) ||
      !cube.readUnsigned("latency", m.cube.latency))
    return false;
  if (m.cube.f16CyclesPerFractal == 0 || m.cube.f32CyclesPerFractal == 0) {
    cube.path.report("cycles per fractal must be at least 1");
    return false;
  }

  FieldReader vector = r.child("vector");
  if (!vector.readUnsigned("latency", m.vector.latency) ||
      !vector.readUnsigned("repeat_cycles", m.vector.repeatCycles) ||
      !vector.readUnsigned("slow_repeat_cycles", m.vector.slowRepeatCycles) ||
      !vector.readUnsigned("gather_lanes_per_cycle",
                           m.vector.gatherLanesPerCycle))
    return false;
  if (m.vector.gatherLanesPerCycle == 0) {
    vector.path.report("gather lanes per cycle must be at least 1");
    return false;
  }
  if (const llvm::json::Array *slow = vector.object->getArray("slow_ops"))
    for (const llvm::json::Value &op : *slow)
      if (auto name = op.getAsString())
        m.vector.slowOps.insert(*name);

  FieldReader scalar = r.child("scalar");
  return scalar.readUnsigned("cycles_per_instruction",
                             m.scalar.cyclesPerInstruction) &&
         scalar.readUnsigned("sync_cycles", m.scalar.syncCycles);
}

llvm::Expected<MachineModel>
MachineModel::fromJSON(llvm::StringRef text, llvm::StringRef sourceName) {
  llvm::Expected<llvm::json::Value> root = llvm::json::parse(text);
  if (!root)
    return llvm::createStringError(
        llvm::formatv("{0}: invalid JSON: {1}", sourceName,
                      llvm::toString(root.takeError())));
  MachineModel model;
  llvm::json::Path::Root pathRoot("machine");
  if (!readMachine(*root, model, pathRoot)) {
    std::string message;
    llvm::raw_string_ostream os(message);
    os << sourceName << ": " << llvm::toString(pathRoot.getError());
    return llvm::createStringError(message);
  }
  return model;
}
