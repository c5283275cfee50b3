//===- Report.h - Profiles and timelines of an emulator run -----*- C++ -*-===//

#ifndef ASCEND_EMULATOR_REPORT_H
#define ASCEND_EMULATOR_REPORT_H

#include "ascend/Emulator/Emulator.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace ascend::emu {

/// A table of cycles, pipe busy fractions, traffic and roofline efficiency
/// per kernel.
void printProfile(const RunResult &run, llvm::raw_ostream &os);

/// The same figures as JSON.
llvm::json::Value profileToJSON(const RunResult &run);

/// A Chrome trace / Perfetto timeline: one process per core, one thread per
/// pipe, one slice per executed instruction.
void writeChromeTrace(const RunResult &run, llvm::raw_ostream &os);

} // namespace ascend::emu

#endif // ASCEND_EMULATOR_REPORT_H
