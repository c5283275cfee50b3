// Normalizations at the tile level: rows copied into ub rows padded to
// 32-byte blocks, row sums by chunk fold + tile.vreduce_sum, per-row values
// as tile.vbrcb blocks, LayerNorm's scale and bias as one ub row each.
// RUN: ascend-opt %s --ascend-lower-nn-to-tile -split-input-file | FileCheck %s

// LayerNorm over rows of 100 f32 (padded to 104, one row per tile): scale
// and bias rows loaded once per block; mean, centre, mean of squares,
// 1 / sqrt(var + eps), then the per-row and per-column products.
// CHECK-LABEL: func.func private @ln(
// CHECK-SAME: attributes {tile.block_dim = 12 : i32, tile.kernel}
// CHECK: tile.vdup 0.0{{.*}} : memref<8xf32, #tile.space<ub>>
// CHECK: tile.copy {{.*}} : memref<1x100xf32, #tile.space<gm>> to memref<1x100xf32, strided<[104, 1]>, #tile.space<ub>>
// CHECK: tile.copy {{.*}} : memref<1x100xf32, #tile.space<gm>> to memref<1x100xf32, strided<[104, 1]>, #tile.space<ub>>
// CHECK: scf.for
// CHECK: tile.copy {{.*}} : memref<1x100xf32, strided<[100, 1], offset: ?>, #tile.space<gm>> to memref<1x100xf32, strided<[104, 1]>, #tile.space<ub>>
// CHECK: tile.vreduce_sum
// CHECK: tile.vmuls {{.*}}, 1.000000e-02
// CHECK: tile.vbrcb
// CHECK: tile.vbcast_sub {{.*}} : memref<1x100xf32, strided<[104, 1]>, #tile.space<ub>>, memref<1x1xf32, strided<[8, 1]>, #tile.space<ub>>, memref<1x100xf32, strided<[104, 1]>, #tile.space<ub>>
// CHECK: tile.vmul %[[X:.*]], %[[X]], %{{.*}} : memref<104xf32, #tile.space<ub>>
// CHECK: tile.vreduce_sum
// CHECK: tile.vmuls {{.*}}, 1.000000e-02
// CHECK: tile.vadds {{.*}}, 9.99{{[0-9]*}}E-6
// CHECK: tile.vrsqrt
// CHECK: tile.vbrcb
// CHECK: tile.vbcast_mul {{.*}}, memref<1x1xf32, strided<[8, 1]>, #tile.space<ub>>
// CHECK: tile.vbcast_mul {{.*}} : memref<1x100xf32, strided<[104, 1]>, #tile.space<ub>>, memref<1x100xf32, strided<[104, 1]>, #tile.space<ub>>, memref<1x100xf32, strided<[104, 1]>, #tile.space<ub>>
// CHECK: tile.vbcast_add {{.*}} : memref<1x100xf32, strided<[104, 1]>, #tile.space<ub>>, memref<1x100xf32, strided<[104, 1]>, #tile.space<ub>>, memref<1x100xf32, strided<[104, 1]>, #tile.space<ub>>
// CHECK: tile.copy {{.*}} to memref<1x100xf32, strided<[100, 1], offset: ?>, #tile.space<gm>>
func.func @main(%a: tensor<12x100xf32>, %w: tensor<100xf32>, %b: tensor<100xf32>) -> tensor<12x100xf32> {
  %0 = nn.kernel "ln" ins(%a, %w, %b : tensor<12x100xf32>, tensor<100xf32>, tensor<100xf32>) -> tensor<12x100xf32> {
  ^bb0(%x: tensor<12x100xf32>, %s: tensor<100xf32>, %c: tensor<100xf32>):
    %y = nn.layer_norm %x, %s, %c {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<12x100xf32>, tensor<100xf32>, tensor<100xf32>) -> tensor<12x100xf32>
    nn.yield %y : tensor<12x100xf32>
  }
  return %0 : tensor<12x100xf32>
}


// -----

// InstanceNorm: one row per (n, c) of 20 pixels; the channel's scale
// multiplies 1 / std (one value per row) and its bias is added as a block.
// Scale and bias are one kernel argument here.
// CHECK-LABEL: func.func private @in(
// CHECK-SAME: tile.block_dim = 6
// CHECK: scf.for
// CHECK: tile.vreduce_sum
// CHECK: tile.vbcast_sub
// CHECK: tile.vreduce_sum
// CHECK: tile.vadds {{.*}}, 0.0010000000474974513
// CHECK: tile.vrsqrt
// CHECK: tile.copy %[[S:.*]], %{{.*}} : memref<1xf32, strided<[1], offset: ?>, #tile.space<gm>> to memref<1xf32, strided<[1]>, #tile.space<ub>>
// CHECK: tile.vmul
// CHECK: tile.vbrcb
// CHECK: tile.vbcast_mul
// CHECK: tile.copy {{.*}} : memref<1xf32, strided<[1], offset: ?>, #tile.space<gm>> to memref<1xf32, strided<[1]>, #tile.space<ub>>
// CHECK: tile.vbrcb
// CHECK: tile.vbcast_add
// CHECK: tile.copy {{.*}} to memref<1x20xf32, strided<[20, 1], offset: ?>, #tile.space<gm>>
func.func @main(%a: tensor<2x3x4x5xf32>, %s: tensor<3xf32>) -> tensor<2x3x4x5xf32> {
  %0 = nn.kernel "in" ins(%a, %s : tensor<2x3x4x5xf32>, tensor<3xf32>) -> tensor<2x3x4x5xf32> {
  ^bb0(%x: tensor<2x3x4x5xf32>, %t: tensor<3xf32>):
    %y = nn.instance_norm %x, %t, %t {epsilon = 1.0e-3 : f32} : (tensor<2x3x4x5xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x5xf32>
    nn.yield %y : tensor<2x3x4x5xf32>
  }
  return %0 : tensor<2x3x4x5xf32>
}


// -----

// Inference BatchNorm reads mean and variance: no reductions, x * a + b'
// with a = scale / sqrt(var + eps) and b' = bias - mean * a per row.
// CHECK-LABEL: func.func private @bn(
// CHECK-SAME: tile.block_dim = 12
// CHECK: scf.for
// CHECK-NOT: tile.vreduce_sum
// CHECK: tile.vadds {{.*}}, 9.99{{[0-9]*}}E-6
// CHECK: tile.vrsqrt
// CHECK: tile.vmul
// CHECK: tile.vmul
// CHECK: tile.vsub
// CHECK: tile.vbrcb
// CHECK: tile.vbcast_mul
// CHECK: tile.vbrcb
// CHECK: tile.vbcast_add
// CHECK: tile.copy {{.*}} to memref<1x35xf32, strided<[35, 1], offset: ?>, #tile.space<gm>>
func.func @main(%a: tensor<2x6x5x7xf32>, %s: tensor<6xf32>, %b: tensor<6xf32>, %m: tensor<6xf32>, %v: tensor<6xf32>) -> tensor<2x6x5x7xf32> {
  %0 = nn.kernel "bn" ins(%a, %s, %b, %m, %v : tensor<2x6x5x7xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<2x6x5x7xf32> {
  ^bb0(%x: tensor<2x6x5x7xf32>, %s1: tensor<6xf32>, %b1: tensor<6xf32>, %m1: tensor<6xf32>, %v1: tensor<6xf32>):
    %y = nn.batch_norm %x, %s1, %b1, %m1, %v1 {epsilon = 1.0e-5 : f32} : (tensor<2x6x5x7xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<2x6x5x7xf32>
    nn.yield %y : tensor<2x6x5x7xf32>
  }
  return %0 : tensor<2x6x5x7xf32>
}

// -----

// LayerNorm with its Mean and InvStdDev outputs: the row values are copied
// out right after the mean and after 1 / std; the kernel yields only the
// normalized rows and 1 / std, in this order.
// CHECK-LABEL: func.func private @stats(
// CHECK-SAME: %[[IN:[^:]*]]: memref<6x40xf32, #tile.space<gm>>, %[[W:[^:]*]]: memref<40xf32, #tile.space<gm>>, %[[Y:[^:]*]]: memref<6x40xf32, #tile.space<gm>>, %[[R:[^:]*]]: memref<6x1xf32, #tile.space<gm>>)
// CHECK: %[[RV:.*]] = memref.reinterpret_cast %[[R]] to offset: [0], sizes: [6], strides: [1]
// CHECK: scf.for
// CHECK: tile.vmuls
// CHECK-NOT: tile.copy
// CHECK: tile.vbcast_sub
// CHECK: tile.vrsqrt %[[V:.*]], %[[V]]
// CHECK: %[[RT:.*]] = memref.subview %[[RV]]
// CHECK: tile.copy %[[V]], %[[RT]] : memref<1xf32, strided<[1]>, #tile.space<ub>> to memref<1xf32, strided<[1], offset: ?>, #tile.space<gm>>
// CHECK: tile.vbcast_mul
// CHECK: tile.copy {{.*}} to memref<1x40xf32, strided<[40, 1], offset: ?>, #tile.space<gm>>
func.func @main(%a: tensor<6x40xf32>, %w: tensor<40xf32>) -> (tensor<6x40xf32>, tensor<6x1xf32>) {
  %0:2 = nn.kernel "stats" ins(%a, %w : tensor<6x40xf32>, tensor<40xf32>) -> tensor<6x40xf32>, tensor<6x1xf32> {
  ^bb0(%x: tensor<6x40xf32>, %s: tensor<40xf32>):
    %y:3 = nn.layer_norm %x, %s {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<6x40xf32>, tensor<40xf32>) -> (tensor<6x40xf32>, tensor<6x1xf32>, tensor<6x1xf32>)
    nn.yield %y#0, %y#2 : tensor<6x40xf32>, tensor<6x1xf32>
  }
  return %0#0, %0#1 : tensor<6x40xf32>, tensor<6x1xf32>
}

// -----

// LayerNorm over rows of 40000 f32, longer than ub holds: streamed in
// chunks of 14464 (two full, a ragged 11072), one row per block. Pass 1:
// the first chunk's mean is the shift, then sums of x - shift and of its
// squares over all chunks (scf.for over the full ones after the first);
// mean = shift + sum / K, var = max(sum2 / K - d^2, 0). Pass 2, chunk by
// chunk: x * vbrcb(a) + vbrcb(c), then the chunk's columns of scale and
// bias, copied to gm.
// CHECK-LABEL: func.func private @lnlong(
// CHECK-SAME: tile.block_dim = 2 : i32
// CHECK: tile.copy {{.*}} : memref<1x14464xf32, strided<[40000, 1], offset: ?>, #tile.space<gm>> to memref<1x14464xf32, strided<[14464, 1]>, #tile.space<ub>>
// CHECK: tile.vreduce_sum
// CHECK: tile.vmuls {{.*}}, 6.91{{[0-9]*}}E-5
// CHECK: tile.vbrcb
// CHECK: tile.vbcast_sub
// CHECK: tile.vmul %[[X:.*]], %[[X]], %{{.*}} : memref<14464xf32, #tile.space<ub>>
// CHECK: scf.for
// CHECK: tile.vbcast_sub
// CHECK: tile.vadd
// CHECK: tile.copy {{.*}} : memref<1x11072xf32, strided<[40000, 1], offset: ?>, #tile.space<gm>> to memref<1x11072xf32, strided<[14464, 1]>, #tile.space<ub>>
// CHECK: tile.vmuls {{.*}}, 2.500000e-05
// CHECK: tile.vmaxs {{.*}}, 0.000000e+00
// CHECK: tile.vrsqrt
// CHECK: tile.vmuls {{.*}}, -1.000000e+00
// CHECK: tile.vbcast_mul {{.*}}, memref<1x1xf32, strided<[8, 1]>, #tile.space<ub>>
// CHECK: tile.vbcast_add {{.*}}, memref<1x1xf32, strided<[8, 1]>, #tile.space<ub>>
// CHECK: tile.copy {{.*}} : memref<1x14464xf32, strided<[40000, 1], offset: ?>, #tile.space<gm>> to memref<1x14464xf32, strided<[14464, 1]>, #tile.space<ub>>
// CHECK: tile.vbcast_mul {{.*}} : memref<1x14464xf32, strided<[14464, 1]>, #tile.space<ub>>, memref<1x14464xf32, strided<[14464, 1]>, #tile.space<ub>>
// CHECK: tile.vbcast_add {{.*}} : memref<1x14464xf32, strided<[14464, 1]>, #tile.space<ub>>, memref<1x14464xf32, strided<[14464, 1]>, #tile.space<ub>>
// CHECK: tile.copy {{.*}} : memref<1x14464xf32, strided<[14464, 1]>, #tile.space<ub>> to memref<1x14464xf32, strided<[40000, 1], offset: ?>, #tile.space<gm>>
// CHECK: scf.for
// CHECK: tile.copy {{.*}} : memref<1x11072xf32, strided<[14464, 1]>, #tile.space<ub>> to memref<1x11072xf32, strided<[40000, 1], offset: ?>, #tile.space<gm>>
func.func @main(%a: tensor<2x40000xf32>, %w: tensor<40000xf32>, %b: tensor<40000xf32>) -> tensor<2x40000xf32> {
  %0 = nn.kernel "lnlong" ins(%a, %w, %b : tensor<2x40000xf32>, tensor<40000xf32>, tensor<40000xf32>) -> tensor<2x40000xf32> {
  ^bb0(%x: tensor<2x40000xf32>, %s: tensor<40000xf32>, %c: tensor<40000xf32>):
    %y = nn.layer_norm %x, %s, %c {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x40000xf32>, tensor<40000xf32>, tensor<40000xf32>) -> tensor<2x40000xf32>
    nn.yield %y : tensor<2x40000xf32>
  }
  return %0 : tensor<2x40000xf32>
}
