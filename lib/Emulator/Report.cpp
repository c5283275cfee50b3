//===- Report.cpp - Profiles and timelines of an emulator run -------------===//

#include "ascend/Emulator/Report.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

using namespace ascend;
using namespace ascend::emu;

/// Pipes in the order the reports list them.
static constexpr Pipe reportPipes[] = {Pipe::M,    Pipe::V,    Pipe::MTE1,
                                       Pipe::MTE2, Pipe::MTE3, Pipe::S};

static double busyFraction(const KernelProfile &k, Pipe pipe) {
  double capacity = double(k.cycles) * k.activeCores;
  return capacity > 0 ? k.busyCycles[static_cast<size_t>(pipe)] / capacity
                      : 0.0;
}

static double efficiency(const KernelProfile &k) {
  return k.cycles ? k.boundCycles / k.cycles : 0.0;
}

static double toMicroseconds(const RunResult &run, double cycles) {
  return cycles / (run.clockGHz * 1000.0);
}

void ascend::emu::printProfile(const RunResult &run, llvm::raw_ostream &os) {
  os << llvm::formatv("profile: {0}, {1} cores at {2:F2} GHz\n", run.target,
                      run.cores, run.clockGHz);
  size_t width = 24;
  for (const KernelProfile &k : run.kernels)
    width = std::max(width, k.name.size());
  auto pad = [&](llvm::StringRef name) {
    return (name + std::string(width - name.size(), ' ')).str();
  };
  os << llvm::formatv("{0} {1,6} {2,12} {3,10}", pad("kernel"), "blocks",
                      "cycles", "time(us)");
  for (Pipe pipe : reportPipes)
    os << llvm::formatv(" {0,6}", (stringifyPipe(pipe) + "%").str());
  os << llvm::formatv(" {0,12} {1,7}\n", "FLOPs", "roofl%");
  for (const KernelProfile &k : run.kernels) {
    os << llvm::formatv("{0} {1,6} {2,12} {3,10:F2}", pad(k.name), k.blockDim,
                        k.cycles, toMicroseconds(run, k.cycles));
    for (Pipe pipe : reportPipes)
      os << llvm::formatv(" {0,6:F1}", 100.0 * busyFraction(k, pipe));
    os << llvm::formatv(" {0,12} {1,7:F1}\n", k.flops, 100.0 * efficiency(k));
  }
  os << llvm::formatv("total: {0} cycles, {1:F2} us\n", run.totalCycles,
                      toMicroseconds(run, run.totalCycles));
  std::map<std::string, uint64_t> bytes;
  for (const KernelProfile &k : run.kernels)
    for (const auto &[path, n] : k.bytesMoved)
      bytes[path] += n;
  if (!bytes.empty()) {
    os << "bytes moved:";
    for (const auto &[path, n] : bytes)
      os << " " << path << " " << n;
    os << "\n";
  }
}

llvm::json::Value ascend::emu::profileToJSON(const RunResult &run) {
  llvm::json::Array kernels;
  for (const KernelProfile &k : run.kernels) {
    llvm::json::Object busy, moved;
    for (Pipe pipe : reportPipes)
      busy[stringifyPipe(pipe)] = busyFraction(k, pipe);
    for (const auto &[path, n] : k.bytesMoved)
      moved[path] = int64_t(n);
    kernels.push_back(llvm::json::Object{
        {"name", k.name},
        {"block_dim", int64_t(k.blockDim)},
        {"active_cores", int64_t(k.activeCores)},
        {"cycles", int64_t(k.cycles)},
        {"time_us", toMicroseconds(run, k.cycles)},
        {"instructions", int64_t(k.instructions)},
        {"flops", int64_t(k.flops)},
        {"cube_flops", int64_t(k.cubeFlops)},
        {"vector_repeats", int64_t(k.vectorRepeats)},
        {"bound_cycles", k.boundCycles},
        {"roofline_efficiency", efficiency(k)},
        {"busy", std::move(busy)},
        {"bytes_moved", std::move(moved)},
    });
  }
  return llvm::json::Object{
      {"target", run.target},
      {"cores", int64_t(run.cores)},
      {"clock_ghz", run.clockGHz},
      {"total_cycles", int64_t(run.totalCycles)},
      {"time_us", toMicroseconds(run, run.totalCycles)},
      {"kernels", std::move(kernels)},
  };
}

void ascend::emu::writeChromeTrace(const RunResult &run,
                                   llvm::raw_ostream &os) {
  llvm::json::Array events;
  uint32_t maxCore = 0;
  for (const TraceEvent &e : run.trace)
    maxCore = std::max(maxCore, e.core);
  for (uint32_t core = 0; core <= maxCore && !run.trace.empty(); ++core) {
    events.push_back(llvm::json::Object{
        {"name", "process_name"},
        {"ph", "M"},
        {"pid", int64_t(core)},
        {"args",
         llvm::json::Object{{"name", llvm::formatv("core {0}", core).str()}}}});
    for (Pipe pipe : reportPipes)
      events.push_back(llvm::json::Object{
          {"name", "thread_name"},
          {"ph", "M"},
          {"pid", int64_t(core)},
          {"tid", int64_t(pipe)},
          {"args", llvm::json::Object{{"name", stringifyPipe(pipe)}}}});
  }
  for (const TraceEvent &e : run.trace)
    events.push_back(llvm::json::Object{
        {"name", e.name},
        {"ph", "X"},
        {"pid", int64_t(e.core)},
        {"tid", int64_t(e.pipe)},
        {"ts", toMicroseconds(run, e.start)},
        {"dur", toMicroseconds(run, e.duration)},
        {"args", llvm::json::Object{{"kernel", run.kernels[e.kernel].name},
                                    {"block", int64_t(e.block)}}}});
  os << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                   {"traceEvents", std::move(events)},
                                   {"displayTimeUnit", "ns"}}));
}
