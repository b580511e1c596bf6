# harness/vm/vm.mk -- the live suites on Debian 12's 6.1 kernel, booted under
# qemu-system (TCG, no KVM needed) for two architectures:
#   vm-x86_64-6.1    linux-image-6.1.0-*-cloud-amd64 under qemu-system-x86_64
#   vm-aarch64-6.1   linux-image-6.1.0-*-cloud-arm64 under qemu-system-aarch64
# Each builds the live-suite programs of harness/ statically for its
# architecture (O=build/vm/<arch>), boots them in an initramfs with busybox
# and totals their summary lines (harness/vm/run.sh).  The kernels and busybox
# come from the cache harness/vm/fetch.sh fills (run by .ci/deps).
LIVE_SUITES += vm-x86_64-6.1 vm-aarch64-6.1

HR_VM_CACHE ?= /var/cache/hringas-vm
# TCG with two vCPUs on a shared machine: every case timeout and bounded wait
# of tests/hr_test.h is multiplied by this inside the VMs.
HR_VM_TIMEOUT_SCALE ?= 5

# The SQ-array probe (suite `sqarray`, only run inside the VMs).
$(O)/harness/vm/sqarray_probe: harness/vm/sqarray_probe.c $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) $< $(LIB_A) -o $@

.PHONY: suite-vm-x86_64-6.1 suite-vm-aarch64-6.1 vm-fetch
suite-vm-x86_64-6.1:
	@HR_VM_CACHE='$(HR_VM_CACHE)' HR_VM_TIMEOUT_SCALE='$(HR_VM_TIMEOUT_SCALE)' \
	  VM_HOST_CFLAGS='$(HOST_CFLAGS)' bash harness/vm/run.sh x86_64
suite-vm-aarch64-6.1:
	@HR_VM_CACHE='$(HR_VM_CACHE)' HR_VM_TIMEOUT_SCALE='$(HR_VM_TIMEOUT_SCALE)' \
	  VM_HOST_CFLAGS='$(HOST_CFLAGS)' bash harness/vm/run.sh aarch64

# (re)fill the kernel cache by hand; .ci/deps does it too
vm-fetch:
	@HR_VM_CACHE='$(HR_VM_CACHE)' bash harness/vm/fetch.sh
