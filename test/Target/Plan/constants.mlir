// Constants of every dtype the compiler emits decode to dense_resource blobs
// with the same bytes, little-endian, one byte per i1; splats are expanded.
// RUN: ascend-translate --isa-to-plan %s -o %t.plan
// RUN: ascend-translate --plan-to-isa %t.plan | FileCheck %s
// RUN: ascend-translate --plan-to-isa %t.plan --mlir-print-debuginfo -o %t.mlir
// RUN: ascend-translate --isa-to-plan %t.mlir -o %t2.plan
// RUN: cmp %t.plan %t2.plan

// CHECK-LABEL: isa.plan "ascend910" gm_size 4096
// CHECK-NEXT: isa.constant at 0 dense_resource<cst0> : tensor<3xf16>
// CHECK-NEXT: isa.constant at 64 dense_resource<cst1> : tensor<2x2xf32>
// CHECK-NEXT: isa.constant at 128 dense_resource<cst2> : tensor<3xi32>
// CHECK-NEXT: isa.constant at 192 dense_resource<cst3> : tensor<2xi64>
// CHECK-NEXT: isa.constant at 256 dense_resource<cst4> : tensor<5xi1>
// CHECK-NEXT: isa.constant at 320 dense_resource<cst5> : tensor<2xi8>
// CHECK-NEXT: isa.constant at 384 dense_resource<cst6> : tensor<2xbf16>
// CHECK-NEXT: isa.constant at 448 dense_resource<cst7> : tensor<4xi32>
// CHECK-NEXT: isa.constant at 512 dense_resource<cst8> : tensor<2xi1>
// CHECK-NEXT: isa.constant at 576 dense_resource<cst8_0> : tensor<2xf32>
// CHECK-NEXT: isa.constant at 640 dense_resource<bias> : tensor<2xi64>
// CHECK-NEXT: isa.constant at 704 dense_resource<cst9> : tensor<0xf32>
isa.plan "ascend910" gm_size 4096 {
  isa.constant at 0 dense<[1.0, -2.0, 0.5]> : tensor<3xf16>
  isa.constant at 64 dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  isa.constant at 128 dense<[1, -1, 2147483647]> : tensor<3xi32>
  isa.constant at 192 dense<[-2, 4294967296]> : tensor<2xi64>
  isa.constant at 256 dense<[true, false, true, true, false]> : tensor<5xi1>
  isa.constant at 320 dense<[-128, 127]> : tensor<2xi8>
  isa.constant at 384 dense<[1.0, -3.0]> : tensor<2xbf16>
  isa.constant at 448 dense<7> : tensor<4xi32>
  isa.constant at 512 dense<true> : tensor<2xi1>
  // Blob names are kept; generated names avoid them.
  isa.constant at 576 dense_resource<cst8_0> : tensor<2xf32>
  isa.constant at 640 dense_resource<bias> : tensor<2xi64>
  isa.constant at 704 dense<> : tensor<0xf32>
}

// CHECK: dialect_resources
// CHECK-DAG: cst0: "0x02000000003C00C00038"
// CHECK-DAG: cst1: "0x040000000000803F000000400000404000008040"
// CHECK-DAG: cst2: "0x0400000001000000FFFFFFFFFFFFFF7F"
// CHECK-DAG: cst3: "0x08000000FEFFFFFFFFFFFFFF0000000001000000"
// CHECK-DAG: cst4: "0x010000000100010100"
// CHECK-DAG: cst5: "0x01000000807F"
// CHECK-DAG: cst6: "0x02000000803F40C0"
// CHECK-DAG: cst7: "0x0400000007000000070000000700000007000000"
// CHECK-DAG: cst8: "0x010000000101"
// CHECK-DAG: cst8_0: "0x040000000000C03F00002040"
// CHECK-DAG: bias: "0x080000000100000000000000FFFFFFFFFFFFFFFF"
// CHECK-DAG: cst9: "0x04000000"

{-#
  dialect_resources: {
    builtin: {
      cst8_0: "0x040000000000C03F00002040",
      bias: "0x080000000100000000000000FFFFFFFFFFFFFFFF"
    }
  }
#-}
