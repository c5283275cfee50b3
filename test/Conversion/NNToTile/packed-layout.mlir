// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile | FileCheck %s

// A tensor in a packed layout lives in gm in its stored shape: 3 channels of
// f32 pad to one C1 group of C0 = 8, and an elementwise kernel covers the
// padding too (4 * 4 * 8 = 128 elements).
// CHECK: func.func @main(%{{.*}}: memref<1x1x4x4x8xf32, #tile.space<gm>>
// CHECK: func.func private @relu(%[[X:.*]]: memref<1x1x4x4x8xf32, #tile.space<gm>>, %{{.*}}: memref<1x1x4x4x8xf32, #tile.space<gm>>)
// CHECK: memref.reinterpret_cast %[[X]] to offset: [0], sizes: [128], strides: [1]
func.func @main(%x: tensor<1x3x4x4xf32, #nn.layout<nc1hwc0>>) -> tensor<1x3x4x4xf32, #nn.layout<nc1hwc0>> {
  %0 = nn.relu %x : tensor<1x3x4x4xf32, #nn.layout<nc1hwc0>>
  return %0 : tensor<1x3x4x4xf32, #nn.layout<nc1hwc0>>
}
