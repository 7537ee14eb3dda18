package org.splitcast.testing.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stand-ins for system libraries that the bundled ffmpeg's capture devices link to but that the
 * machine lacks (seen: {@code libpulse.so.0}, PulseAudio input, on a server image).
 *
 * <p>{@code libavdevice} names PulseAudio, ALSA and XCB among its needed libraries, so the dynamic
 * loader refuses to start ffmpeg or ffprobe when one is missing, although only {@code -f pulse},
 * {@code -f alsa} or {@code -f x11grab} would ever call into them. A stand-in is an ELF64 shared
 * object with the missing library's {@code SONAME} and the symbol versions the loader checks
 * ({@code PULSE_0}, ...), defining no symbol: every reference to it from {@code libavdevice} is a
 * lazily bound function call, so loading succeeds, and using that capture device would stop
 * ffmpeg with "symbol lookup error" instead of a silent wrong result.
 *
 * <p>Little-endian 64-bit ELF only (the classifier bundled here is linux-x86_64); the machine type
 * is copied from the library that needs the stand-in. Layout: ELF header, three program headers
 * (one read-write {@code PT_LOAD} mapping the whole file at address 0, {@code PT_DYNAMIC}, {@code
 * PT_GNU_STACK} non-executable), then the dynamic symbol table (the null symbol only), a {@code
 * DT_HASH} table with one empty bucket, the version symbol table, the version definitions (the base
 * version named after the {@code SONAME}, then one per required version, with the ELF hash of its
 * name), the string table, and the dynamic section.
 */
final class ElfStub {

    private static final int SHT_GNU_VERNEED = 0x6ffffffe;
    private static final long DT_NULL = 0;
    private static final long DT_HASH = 4;
    private static final long DT_STRTAB = 5;
    private static final long DT_SYMTAB = 6;
    private static final long DT_STRSZ = 10;
    private static final long DT_SYMENT = 11;
    private static final long DT_SONAME = 14;
    private static final long DT_VERSYM = 0x6ffffff0L;
    private static final long DT_VERDEF = 0x6ffffffcL;
    private static final long DT_VERDEFNUM = 0x6ffffffdL;

    private ElfStub() {}

    /** A version that an ELF object requires from one of its needed libraries. */
    record Requirement(String file, String version, int hash) {}

    /** What {@link #requirements} read from one object: its machine type and version needs. */
    record Needs(int machine, List<Requirement> versions) {}

    /**
     * Reads the machine type and the {@code .gnu.version_r} section (the symbol versions required
     * from each needed library) of a little-endian ELF64 file.
     */
    static Needs requirements(Path elf) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(elf)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.limit() < 64 || b.getInt(0) != 0x464c457f || b.get(4) != 2 || b.get(5) != 1) {
            throw new IOException(elf + " is not a little-endian 64-bit ELF file");
        }
        int machine = Short.toUnsignedInt(b.getShort(18));
        long shoff = b.getLong(40);
        int shentsize = Short.toUnsignedInt(b.getShort(58));
        int shnum = Short.toUnsignedInt(b.getShort(60));
        List<Requirement> out = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            int sh = Math.toIntExact(shoff + (long) i * shentsize);
            if (b.getInt(sh + 4) != SHT_GNU_VERNEED) {
                continue;
            }
            int offset = Math.toIntExact(b.getLong(sh + 24));
            int link = b.getInt(sh + 40);
            int entries = b.getInt(sh + 44);
            int strtab = Math.toIntExact(b.getLong(Math.toIntExact(shoff + (long) link * shentsize) + 24));
            int vn = offset;
            for (int e = 0; e < entries; e++) {
                int count = Short.toUnsignedInt(b.getShort(vn + 2));
                String file = string(b, strtab + b.getInt(vn + 4));
                int aux = vn + b.getInt(vn + 8);
                for (int a = 0; a < count; a++) {
                    out.add(new Requirement(file, string(b, strtab + b.getInt(aux + 8)), b.getInt(aux)));
                    aux += b.getInt(aux + 12);
                }
                vn += b.getInt(vn + 12);
            }
        }
        return new Needs(machine, out);
    }

    private static String string(ByteBuffer b, int at) {
        int end = at;
        while (b.get(end) != 0) {
            end++;
        }
        byte[] s = new byte[end - at];
        b.get(at, s);
        return new String(s, StandardCharsets.US_ASCII);
    }

    /** The System V ABI's ELF hash of a name (the value version definitions carry). */
    static int elfHash(String name) {
        long h = 0;
        for (byte c : name.getBytes(StandardCharsets.US_ASCII)) {
            h = (h << 4) + (c & 0xFF);
            long g = h & 0xf0000000L;
            if (g != 0) {
                h ^= g >>> 24;
            }
            h &= ~g;
        }
        return (int) h;
    }

    /**
     * Writes a stand-in shared object.
     *
     * @param target the file to write (named after {@code soname})
     * @param soname the library's name as others need it, e.g. {@code libpulse.so.0}
     * @param versions the symbol versions it must define, e.g. {@code PULSE_0}
     * @param machine the ELF machine type ({@code e_machine}), 62 for x86-64
     */
    static void write(Path target, String soname, Set<String> versions, int machine) throws IOException {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(versions));
        names.remove(soname);
        // string table: "\0" soname "\0" version "\0" ...
        ByteArrayOutputStream strtab = new ByteArrayOutputStream();
        strtab.write(0);
        int sonameAt = strtab.size();
        strtab.writeBytes((soname + "\0").getBytes(StandardCharsets.US_ASCII));
        int[] nameAt = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            nameAt[i] = strtab.size();
            strtab.writeBytes((names.get(i) + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        int ehdr = 64;
        int phnum = 3;
        int dynsym = align(ehdr + phnum * 56, 8);
        int hash = dynsym + 24;
        int versym = hash + 16;
        int verdef = align(versym + 2, 4);
        int verdefs = 1 + names.size();
        int str = verdef + verdefs * 28;
        int dynamic = align(str + strtab.size(), 8);
        int dynEntries = 10;
        int size = dynamic + dynEntries * 16;

        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        // ELF header
        b.putInt(0, 0x464c457f).put(4, (byte) 2).put(5, (byte) 1).put(6, (byte) 1);
        b.putShort(16, (short) 3); // ET_DYN
        b.putShort(18, (short) machine);
        b.putInt(20, 1); // EV_CURRENT
        b.putLong(32, ehdr); // e_phoff
        b.putShort(52, (short) ehdr);
        b.putShort(54, (short) 56);
        b.putShort(56, (short) phnum);
        b.putShort(58, (short) 64);
        // program headers: PT_LOAD (RW), PT_DYNAMIC (RW), PT_GNU_STACK (RW, not executable)
        programHeader(b, ehdr, 1, 6, 0, size, 0x1000);
        programHeader(b, ehdr + 56, 2, 6, dynamic, dynEntries * 16, 8);
        programHeader(b, ehdr + 112, 0x6474e551, 6, 0, 0, 16);
        // dynsym: the null symbol only (already zero); DT_HASH: nbucket 1, nchain 1, both empty
        b.putInt(hash, 1).putInt(hash + 4, 1);
        // versym of the null symbol: 0 (local), already zero
        // version definitions: the base version (the SONAME), then each required version
        for (int i = 0; i < verdefs; i++) {
            int at = verdef + i * 28;
            String name = i == 0 ? soname : names.get(i - 1);
            b.putShort(at, (short) 1); // vd_version
            b.putShort(at + 2, (short) (i == 0 ? 1 : 0)); // VER_FLG_BASE
            b.putShort(at + 4, (short) (i + 1)); // vd_ndx
            b.putShort(at + 6, (short) 1); // vd_cnt
            b.putInt(at + 8, elfHash(name));
            b.putInt(at + 12, 20); // vd_aux
            b.putInt(at + 16, i + 1 < verdefs ? 28 : 0); // vd_next
            b.putInt(at + 20, i == 0 ? sonameAt : nameAt[i - 1]); // vda_name
        }
        b.put(str, strtab.toByteArray());
        long[][] dyn = {
            {DT_SONAME, sonameAt},
            {DT_HASH, hash},
            {DT_STRTAB, str},
            {DT_SYMTAB, dynsym},
            {DT_STRSZ, strtab.size()},
            {DT_SYMENT, 24},
            {DT_VERSYM, versym},
            {DT_VERDEF, verdef},
            {DT_VERDEFNUM, verdefs},
            {DT_NULL, 0}
        };
        for (int i = 0; i < dyn.length; i++) {
            b.putLong(dynamic + i * 16, dyn[i][0]).putLong(dynamic + i * 16 + 8, dyn[i][1]);
        }
        Files.write(target, b.array());
    }

    private static void programHeader(ByteBuffer b, int at, int type, int flags, long offset, long size, long align) {
        b.putInt(at, type).putInt(at + 4, flags);
        b.putLong(at + 8, offset).putLong(at + 16, offset).putLong(at + 24, offset);
        b.putLong(at + 32, size).putLong(at + 40, size).putLong(at + 48, align);
    }

    private static int align(int v, int a) {
        return (v + a - 1) / a * a;
    }

    /** Reads back the SONAME and version names a stub defines (for tests). */
    static List<String> definedVersions(Path stub) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(stub)).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = b.getLong(32);
        int phnum = Short.toUnsignedInt(b.getShort(56));
        long dynamic = -1;
        for (int i = 0; i < phnum; i++) {
            int ph = Math.toIntExact(phoff + i * 56L);
            if (b.getInt(ph) == 2) {
                dynamic = b.getLong(ph + 8);
            }
        }
        long str = 0;
        long verdef = 0;
        long count = 0;
        long soname = 0;
        for (int at = Math.toIntExact(dynamic); b.getLong(at) != DT_NULL; at += 16) {
            long tag = b.getLong(at);
            long val = b.getLong(at + 8);
            if (tag == DT_STRTAB) {
                str = val;
            } else if (tag == DT_VERDEF) {
                verdef = val;
            } else if (tag == DT_VERDEFNUM) {
                count = val;
            } else if (tag == DT_SONAME) {
                soname = val;
            }
        }
        List<String> out = new ArrayList<>();
        out.add(string(b, Math.toIntExact(str + soname)));
        int at = Math.toIntExact(verdef);
        for (int i = 0; i < count; i++) {
            if (elfHash(string(b, Math.toIntExact(str + b.getInt(at + b.getInt(at + 12))))) != b.getInt(at + 8)) {
                throw new IOException("version definition " + i + " has a wrong hash");
            }
            out.add(string(b, Math.toIntExact(str + b.getInt(at + b.getInt(at + 12)))));
            at += b.getInt(at + 16);
        }
        return out;
    }
}
