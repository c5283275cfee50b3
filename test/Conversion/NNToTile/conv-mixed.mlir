// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile=mixed-precision=true -split-input-file | FileCheck %s
// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile -split-input-file | FileCheck %s --check-prefix=FP32

// Mixed precision for an f32 conv (24 -> 16 channels, 3x3 pad 1, bias,
// relu): the weights are packed as f16 (C0 = 16: 2 input blocks x 9 taps
// x 1 N fractal x 256 values), a stage kernel converts the f32 nc1hwc0
// input (3 blocks of 8 channels) into an f16 nc1hwc0 workspace of 2 blocks
// of 16 (pairs of f32 blocks interleaved in ub, the odd last block with a
// zeroed upper half), load3d and mmad run in f16 with fp32 accumulation,
// and l0c -> ub, the epilogue and the result stay f32 (C0 = 8).
// CHECK-LABEL: func.func @main
// CHECK:       %[[WS:.*]] = memref.alloc() : memref<2048xf16, #tile.space<gm>>
// CHECK:       call @conv0_relu_stage_x(%arg0, %[[WS]]) : (memref<1x3x8x8x8xf32, #tile.space<gm>>, memref<2048xf16, #tile.space<gm>>) -> ()
// CHECK:       call @conv0_relu(%[[WS]], %{{.*}}, %{{.*}}, %arg1)
// The stage kernel: 64-pixel chunks ([64][16] f32 and f16 in ub).
// CHECK-LABEL: func.func private @conv0_relu_stage_x(
// CHECK:       tile.copy {{.*}} : memref<2x64x8xf32, {{.*}}#tile.space<gm>> to memref<2x64x8xf32, {{.*}}#tile.space<ub>>
// CHECK:       tile.vconv {{.*}} : memref<1024xf32, #tile.space<ub>> to memref<1024xf16, #tile.space<ub>>
// CHECK:       tile.copy {{.*}} : memref<1x64x16xf16, {{.*}}#tile.space<ub>> to memref<1x64x16xf16, {{.*}}#tile.space<gm>>
// CHECK:       tile.vdup {{.*}} : memref<1024xf32, #tile.space<ub>>
// CHECK:       tile.copy {{.*}} : memref<1x64x8xf32, {{.*}}#tile.space<gm>> to memref<1x64x8xf32, {{.*}}#tile.space<ub>>
// CHECK:       tile.vconv
// CHECK-LABEL: func.func private @conv0_relu(%{{.*}}: memref<2048xf16, #tile.space<gm>>, %{{.*}}: memref<4608xf16, #tile.space<gm>>, %{{.*}}: memref<{{[0-9]+}}xf32, #tile.space<gm>>, %{{.*}}: memref<1x2x8x8x8xf32, #tile.space<gm>>)
// CHECK:       tile.copy {{.*}}#tile.space<gm>> to memref<{{[0-9]+}}x{{[0-9]+}}x8x16xf16, {{.*}}#tile.space<l1>>
// CHECK:       tile.img2col {{.*}} : memref<{{[0-9]+}}x{{[0-9]+}}x8x16xf16, {{.*}}#tile.space<l1>> to memref<{{[0-9]+}}x{{[0-9]+}}xf16, {{.*}}#tile.space<l0a>>
// CHECK:       tile.mmad {{.*}} : memref<{{[0-9]+}}x{{[0-9]+}}xf16, {{.*}}#tile.space<l0a>>, memref<{{[0-9]+}}x16xf16, {{.*}}#tile.space<l0b>>, memref<{{[0-9]+}}x16xf32, {{.*}}#tile.space<l0c>>
// CHECK:       tile.copy {{.*}}xf32, {{.*}}#tile.space<l0c>> to memref<{{.*}}xf32, {{.*}}#tile.space<ub>>
// CHECK:       tile.vadd {{.*}}xf32
// CHECK:       tile.vrelu {{.*}}xf32
// CHECK:       tile.copy {{.*}}#tile.space<ub>> to memref<1x2x{{[0-9]+}}x8xf32, {{.*}}#tile.space<gm>>

// --precision fp32 keeps today's lowering: f32 cube, no stage kernel.
// FP32-NOT:    stage_x
// FP32:        tile.mmad {{.*}} : memref<{{[0-9]+}}x{{[0-9]+}}xf32, {{.*}}#tile.space<l0a>>, memref<{{[0-9]+}}x16xf32
// FP32-NOT:    stage_x
func.func @main(%x: tensor<1x24x8x8xf32, #nn.layout<nc1hwc0>>) -> tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>> {
  %w = nn.constant dense<0.5> : tensor<16x24x3x3xf32>
  %b = nn.constant dense<0.25> : tensor<16xf32>
  %y = nn.conv %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x24x8x8xf32, #nn.layout<nc1hwc0>>, tensor<16x24x3x3xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>> loc("conv0")
  %r = nn.relu %y : tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>> loc("relu")
  return %r : tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>>
}

// -----

// Two convs reading one tensor (a ResNet block's main path and projection)
// share its f16 copy: one stage kernel, its workspace passed to both.
// CHECK-LABEL: func.func @main
// CHECK:       %[[WS:.*]] = memref.alloc() : memref<1024xf16, #tile.space<gm>>
// CHECK:       call @a_stage_x(%arg0, %[[WS]])
// CHECK-NEXT:  call @a(%[[WS]],
// CHECK-NOT:   stage_x
// CHECK:       call @b(%[[WS]],
// CHECK-NOT:   func.func private @b_stage_x
func.func @main(%x: tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>>) -> (tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>>, tensor<1x8x8x8xf32, #nn.layout<nc1hwc0>>) {
  %w = nn.constant dense<0.5> : tensor<16x16x3x3xf32>
  %v = nn.constant dense<0.25> : tensor<8x16x1x1xf32>
  %a = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>>, tensor<16x16x3x3xf32>) -> tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>> loc("a")
  %b = nn.conv %x, %v {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>>, tensor<8x16x1x1xf32>) -> tensor<1x8x8x8xf32, #nn.layout<nc1hwc0>> loc("b")
  return %a, %b : tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>>, tensor<1x8x8x8xf32, #nn.layout<nc1hwc0>>
}
