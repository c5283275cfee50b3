// RUN: ascend-opt %s -ascend-lower-nn-to-tile=mixed-precision=true -split-input-file | FileCheck %s

// Mixed precision for an f32 model: the constant B is packed as f16, the
// cube multiplies f16 and accumulates in fp32, and the result stays f32
// (l0c -> ub without narrowing, f32 epilogue). A's rows are whole f16
// fractals (K = 32) and small, so the cost model converts A in the kernel
// instead of launching a stage kernel: each K step's rows go gm -> ub as
// f32 [kc][rows][16], vconv narrows them and ub -> L1 feeds L0A.
// CHECK:       memref.global "private" constant @{{.*}} : memref<512xf16, #tile.space<gm>> = dense_resource<{{.*}}_weights_zn>
// CHECK-LABEL: func.func @main(
// CHECK-NOT:   stage
// CHECK:       call @fc(%arg0, %{{.*}}, %{{.*}}, %arg1)
// CHECK-LABEL: func.func private @fc(
// CHECK-SAME:  %arg0: memref<32x32xf32, #tile.space<gm>>
// CHECK:       tile.copy {{.*}} : memref<2x16x16xf32, {{.*}}#tile.space<gm>> to memref<2x16x16xf32, {{.*}}#tile.space<ub>>
// CHECK:       tile.vconv {{.*}} : memref<512xf32, {{.*}}#tile.space<ub>> to memref<512xf16, {{.*}}#tile.space<ub>>
// CHECK:       tile.copy {{.*}} : memref<2x16x16xf16, {{.*}}#tile.space<ub>> to memref<2x16x16xf16, {{.*}}#tile.space<l1>>
// CHECK:       tile.mmad {{.*}} : memref<16x32xf16, {{.*}}>, memref<32x16xf16, {{.*}}>, memref<16x16xf32
// CHECK:       tile.copy {{.*}} : memref<1x256xf32, {{.*}}#tile.space<l0c>> to memref<1x256xf32, {{.*}}#tile.space<ub>>
// CHECK:       tile.vadd {{.*}} : memref<256xf32
func.func @main(%a: tensor<32x32xf32>) -> tensor<32x16xf32> {
  %w = nn.constant dense<0.5> : tensor<32x16xf32>
  %c = nn.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<16xf32>
  %0 = nn.kernel "fc" ins(%a, %w, %c : tensor<32x32xf32>, tensor<32x16xf32>, tensor<16xf32>) -> tensor<32x16xf32> {
  ^bb0(%x: tensor<32x32xf32>, %y: tensor<32x16xf32>, %z: tensor<16xf32>):
    %m = nn.gemm %x, %y, %z : (tensor<32x32xf32>, tensor<32x16xf32>, tensor<16xf32>) -> tensor<32x16xf32>
    nn.yield %m : tensor<32x16xf32>
  }
  return %0 : tensor<32x16xf32>
}

// -----

// Rows of 24 values are not whole f16 fractals: a stage kernel converts A
// (vconv) into an f16 workspace with zeroed padding that the kernel reads
// row by row.
// CHECK-LABEL: func.func @main(
// CHECK:       call @fc24_stage_a(%arg0, %[[W:.*]]) : (memref<32x24xf32, #tile.space<gm>>, memref<784xf16, #tile.space<gm>>)
// CHECK:       call @fc24(%[[W]], %{{.*}}, %{{.*}}, %arg1)
// CHECK-LABEL: func.func private @fc24_stage_a(
// CHECK:       tile.vconv {{.*}} : memref<768xf32, {{.*}}#tile.space<ub>> to memref<768xf16, {{.*}}#tile.space<ub>>
// CHECK-LABEL: func.func private @fc24(
// CHECK-SAME:  %arg0: memref<784xf16, #tile.space<gm>>
// CHECK-NOT:   tile.vconv
// CHECK:       tile.mmad {{.*}} : memref<16x{{[0-9]+}}xf16, {{.*}}>, memref<{{[0-9]+}}x16xf16, {{.*}}>, memref<16x16xf32
func.func @main(%a: tensor<32x24xf32>) -> tensor<32x16xf32> {
  %w = nn.constant dense<0.5> : tensor<24x16xf32>
  %c = nn.constant dense<1.0> : tensor<16xf32>
  %0 = nn.kernel "fc24" ins(%a, %w, %c : tensor<32x24xf32>, tensor<24x16xf32>, tensor<16xf32>) -> tensor<32x16xf32> {
  ^bb0(%x: tensor<32x24xf32>, %y: tensor<24x16xf32>, %z: tensor<16xf32>):
    %m = nn.gemm %x, %y, %z : (tensor<32x24xf32>, tensor<24x16xf32>, tensor<16xf32>) -> tensor<32x16xf32>
    nn.yield %m : tensor<32x16xf32>
  }
  return %0 : tensor<32x16xf32>
}
