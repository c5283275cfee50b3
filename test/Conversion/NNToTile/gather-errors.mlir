// RUN: ascend-opt %s -split-input-file --ascend-fuse --ascend-lower-nn-to-tile -verify-diagnostics

// The importer casts int64 indices to i32; the kernels take only those.
func.func @main(%x: tensor<4x6xf32>, %i: tensor<2xi64>) -> tensor<4x2xf32> {
  // expected-error @+1 {{gather needs i32 indices (the importer casts int64 indices with nn.cast), not 'i64'}}
  %0 = nn.gather %x, %i {axis = 1 : i64} : (tensor<4x6xf32>, tensor<2xi64>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// -----

// 5000 rows of one 32-byte block each are more than the half of ub that
// holds the data.
func.func @main(%x: tensor<5000x8xf32>, %i: tensor<2xi32>) -> tensor<2x8xf32> {
  // expected-error @+1 {{gather: one data chunk (5000 rows of one 32-byte block) does not fit in the 131072-byte ub data buffer}}
  %0 = nn.gather %x, %i {axis = 0 : i64} : (tensor<5000x8xf32>, tensor<2xi32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @main(%x: tensor<300x200xf32>, %i: tensor<2x200xi32>) -> tensor<2x200xf32> {
  // expected-error @+1 {{cannot lower a gather_elements whose data slice (300 x 200 elements) exceeds the ub data buffer of 131072 bytes yet}}
  %0 = nn.gather_elements %x, %i {axis = 0 : i64} : (tensor<300x200xf32>, tensor<2x200xi32>) -> tensor<2x200xf32>
  return %0 : tensor<2x200xf32>
}

// -----

func.func @main(%x: tensor<4x6xi8>, %i: tensor<2xi32>) -> tensor<4x2xi8> {
  // expected-error @+1 {{cannot gather 'i8' elements yet (vgather moves 2- or 4-byte lanes)}}
  %0 = nn.gather %x, %i {axis = 1 : i64} : (tensor<4x6xi8>, tensor<2xi32>) -> tensor<4x2xi8>
  return %0 : tensor<4x2xi8>
}
