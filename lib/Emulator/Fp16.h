//===- Fp16.h - Element loads and stores with hardware rounding -*- C++ -*-===//

#ifndef ASCEND_LIB_EMULATOR_FP16_H
#define ASCEND_LIB_EMULATOR_FP16_H

#include "Program.h"

#include <Eigen/Core>

#include <array>
#include <cstring>

namespace ascend::emu {

/// All 65536 fp16 values as floats: a table lookup beats converting in
/// software on every load.
extern const std::array<float, 65536> halfToFloatTable;

/// fp16 bits -> float (exact).
inline float halfToFloat(uint16_t bits) { return halfToFloatTable[bits]; }

/// float -> fp16 bits, rounding to nearest even like the hardware.
inline uint16_t floatToHalf(float value) {
  return Eigen::numext::bit_cast<uint16_t>(Eigen::half(value));
}

inline float loadElement(const uint8_t *p, DType type) {
  if (type == DType::F16) {
    uint16_t bits;
    std::memcpy(&bits, p, 2);
    return halfToFloat(bits);
  }
  float value;
  std::memcpy(&value, p, 4);
  return value;
}

inline void storeElement(uint8_t *p, DType type, float value) {
  if (type == DType::F16) {
    uint16_t bits = floatToHalf(value);
    std::memcpy(p, &bits, 2);
    return;
  }
  std::memcpy(p, &value, 4);
}

} // namespace ascend::emu

#endif // ASCEND_LIB_EMULATOR_FP16_H
