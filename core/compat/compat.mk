# core/compat/compat.mk -- libhringas-liburing: liburing's API over the core.
# Included by the top-level GNUmakefile.  Hosted (it may use libc: probe
# allocation, buffer-ring memory); libhringas itself stays freestanding.
#   build/<arch>/libhringas-liburing.a   the compat functions only: link it
#                                        before libhringas.a
#   build/<arch>/libhringas-liburing.so  self-contained (compat + core)
COMPAT_SRCS := $(wildcard core/compat/*.c)
COMPAT_HDRS := $(wildcard core/compat/*.h core/compat/liburing/*.h core/compat/liburing/io_uring/*.h)
COMPAT_OBJS := $(patsubst core/compat/%.c,$(O)/compat/%.o,$(COMPAT_SRCS))
COMPAT_A    := $(O)/libhringas-liburing.a
COMPAT_SO   := $(O)/libhringas-liburing.so
COMPAT_INC  := -Icore/compat -Icore -Ispecs
COMPAT_CFLAGS := -std=gnu11 -O2 -g -fPIC $(COMPAT_INC) -Wall -Wextra -Werror \
                 -Wshadow -Wstrict-prototypes -Wmissing-prototypes

.PHONY: compat install-compat uninstall-compat
lib: compat
compat: $(COMPAT_A) $(COMPAT_SO)

$(O)/compat/%.o: core/compat/%.c $(COMPAT_HDRS) $(LIB_HDRS)
	@mkdir -p $(@D)
	$(CC) $(COMPAT_CFLAGS) -c $< -o $@

$(COMPAT_A): $(COMPAT_OBJS)
	rm -f $@
	$(AR) rcs $@ $^

$(COMPAT_SO): $(COMPAT_OBJS) $(O)/hringas.o
	$(CC) -shared -Wl,-z,defs -Wl,-soname,libhringas-liburing.so -o $@ $^

INSTALL_HOOKS   += install-compat
UNINSTALL_HOOKS += uninstall-compat

install-compat: compat
	install -d $(DESTDIR)$(INCLUDEDIR)/hringas/compat/liburing $(DESTDIR)$(LIBDIR)/pkgconfig
	install -m 644 core/compat/liburing.h $(DESTDIR)$(INCLUDEDIR)/hringas/compat/
	install -m 644 $(wildcard core/compat/liburing/*.h) \
	           $(DESTDIR)$(INCLUDEDIR)/hringas/compat/liburing/
	install -d $(DESTDIR)$(INCLUDEDIR)/hringas/compat/liburing/io_uring
	install -m 644 $(wildcard core/compat/liburing/io_uring/*.h) \
	           $(DESTDIR)$(INCLUDEDIR)/hringas/compat/liburing/io_uring/
	install -m 644 $(COMPAT_A) $(DESTDIR)$(LIBDIR)/
	install -m 755 $(COMPAT_SO) $(DESTDIR)$(LIBDIR)/
	sed -e 's|@PREFIX@|$(PREFIX)|g' \
	    -e 's|@LIBDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))|g' \
	    -e 's|@INCLUDEDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))|g' \
	    core/compat/hringas-liburing.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/hringas-liburing.pc

uninstall-compat:
	rm -rf $(DESTDIR)$(INCLUDEDIR)/hringas/compat
	rm -f $(DESTDIR)$(LIBDIR)/libhringas-liburing.a $(DESTDIR)$(LIBDIR)/libhringas-liburing.so \
	      $(DESTDIR)$(LIBDIR)/pkgconfig/hringas-liburing.pc
