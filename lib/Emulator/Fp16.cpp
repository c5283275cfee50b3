//===- Fp16.cpp - fp16 conversion table -----------------------------------===//

#include "Fp16.h"

const std::array<float, 65536> ascend::emu::halfToFloatTable = [] {
  std::array<float, 65536> table;
  for (uint32_t bits = 0; bits < 65536; ++bits)
    table[bits] = static_cast<float>(
        Eigen::numext::bit_cast<Eigen::half>(uint16_t(bits)));
  return table;
}();
