# Toolchain file: bare-metal RV32IMAFC / ilp32f with Debian's
# gcc-riscv64-unknown-elf and picolibc (facts in ../shared/reference/rv32-toolchain.md).
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv32)
set(CMAKE_C_COMPILER riscv64-unknown-elf-gcc)
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
# Exactly these -march/-misa-spec values: "_zicsr_zifencei" in -march silently
# selects the 64-bit multilib, and the default ISA spec rejects fence.i.
set(P4_RV32_FLAGS "--specs=picolibc.specs -misa-spec=2.2 -march=rv32imafc -mabi=ilp32f")
set(CMAKE_C_FLAGS_INIT "${P4_RV32_FLAGS}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "--oslib=semihost --crt0=semihost")
