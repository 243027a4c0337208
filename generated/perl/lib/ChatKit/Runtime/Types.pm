package ChatKit::Runtime::Types;

use strict;
use warnings;

use Exporter                   qw(import);
use Scalar::Util               qw(blessed);
use ChatKit::Error::Validation ();
use ChatKit::Runtime::JSON     qw(json_kind to_bool);

our $VERSION   = '0.01';
our @EXPORT_OK = qw(decode_value encode_value fail same_json load_class);

# Every type descriptor is a hash ref with its kind in "t"; see the POD below.
my %DECODE = (
    any      => sub { return _plain( $_[1] ) },
    binary   => \&_binary,
    boolean  => \&_boolean,
    string   => \&_string,
    integer  => \&_number,
    number   => \&_number,
    enum     => \&_enum,
    const    => \&_const,
    array    => \&_array,
    map      => \&_map,
    union    => \&_union,
    nullable => \&_nullable,
    model    => \&_model,
);

# Throw a ChatKit::Error::Validation for the value at $path.
sub fail {
    my ( $path, $reason ) = @_;
    my $where = length $path ? "$path: " : q{};
    return ChatKit::Error::Validation->throw(
        message => "$where$reason",
        path    => $path,
        reason  => $reason,
    );
}

# The value of type $type, checked (models built from hashes); dies on a mismatch.
sub decode_value {
    my ( $type, $value, $path ) = @_;
    my $decode = $DECODE{ $type->{t} }
        or return fail( $path, "unknown type $type->{t}" );
    return $decode->( $type, $value, $path );
}

# The plain JSON data of a decoded value (models as hashes).
sub encode_value {
    my ($value) = @_;
    my $type = ref $value;
    return $value if !$type;
    if ( blessed $value ) {
        return $value->to_hash if $value->can('to_hash');
        return $value;
    }
    return [ map { encode_value($_) } @{$value} ] if $type eq 'ARRAY';
    if ( $type eq 'HASH' ) {
        return { map { $_ => encode_value( $value->{$_} ) } keys %{$value} };
    }
    return $value;
}

# Whether two JSON values are equal (kinds included: 1 is not "1").
sub same_json {
    my ( $left, $right ) = @_;
    my $kind = json_kind($left);
    return 0                                       if $kind ne json_kind($right);
    return 1                                       if $kind eq 'null';
    return ( $left ? 1 : 0 ) == ( $right ? 1 : 0 ) if $kind eq 'boolean';
    return $left == $right                         if $kind eq 'number';
    return $left eq $right                         if $kind eq 'string';
    if ( $kind eq 'array' ) {
        return 0 if @{$left} != @{$right};
        for my $i ( 0 .. $#{$left} ) {
            return 0 if !same_json( $left->[$i], $right->[$i] );
        }
        return 1;
    }
    return 0 if $kind ne 'object' || keys %{$left} != keys %{$right};
    for my $key ( keys %{$left} ) {
        return 0
            if !exists $right->{$key} || !same_json( $left->{$key}, $right->{$key} );
    }
    return 1;
}

# Load a generated package by name (models are loaded when first used); returns the name.
sub load_class {
    my ($class) = @_;
    return $class if $class->can('new') || $class->can('_type');
    ( my $file = "$class.pm" ) =~ s{::}{/}gxms;
    require $file;
    return $class;
}

sub _expect {
    my ( $path, $want, $value ) = @_;
    my $kind = json_kind($value) || ref $value;
    return fail( $path, "expected $want, got $kind" );
}

sub _plain {
    my ($value) = @_;
    my $kind = json_kind($value);
    return to_bool($value)                  if $kind eq 'boolean';
    return [ map { _plain($_) } @{$value} ] if $kind eq 'array';
    if ( $kind eq 'object' ) {
        return { map { $_ => _plain( $value->{$_} ) } keys %{$value} };
    }
    return encode_value($value) if blessed $value && $value->can('to_hash');
    return $value;
}

# Bytes, a file handle, or a file: { content => $bytes | path => $name, filename, content_type }.
sub _binary {
    my ( undef, $value, $path ) = @_;
    return $value if defined $value && ( !ref $value || ref $value eq 'GLOB' );
    return $value
        if ref $value eq 'HASH' && ( defined $value->{content} || defined $value->{path} );
    return _expect( $path, 'bytes, a file handle or { content => ... }', $value );
}

sub _boolean {
    my ( undef, $value, $path ) = @_;
    my $bool = to_bool($value);
    return defined $bool ? $bool : _expect( $path, 'a boolean', $value );
}

sub _string {
    my ( $type, $value, $path ) = @_;
    return _expect( $path, 'a string', $value ) if json_kind($value) ne 'string';
    my $length = length $value;
    if ( defined $type->{min_length} && $length < $type->{min_length} ) {
        return fail( $path, "must be at least $type->{min_length} characters" );
    }
    if ( defined $type->{max_length} && $length > $type->{max_length} ) {
        return fail( $path, "must be at most $type->{max_length} characters" );
    }
    if ( defined $type->{pattern} ) {
        my $re = eval {qr/$type->{pattern}/u};    ## no critic (RegularExpressions)
        if ( $re && $value !~ $re ) {
            return fail( $path, "must match the pattern $type->{pattern}" );
        }
    }
    return $value;
}

sub _is_integer {
    my ($value) = @_;
    return $value->is_int if blessed $value;
    return $value == int $value && $value - 1 != $value;
}

sub _number {
    my ( $type, $value, $path ) = @_;
    my $want = $type->{t} eq 'integer' ? 'an integer' : 'a number';
    if ( json_kind($value) ne 'number'
        || ( $type->{t} eq 'integer' && !_is_integer($value) ) )
    {
        return _expect( $path, $want, $value );
    }
    return _bounds( $type, $value, $path );
}

my @BOUNDS = (
    [ minimum           => sub { $_[0] < $_[1] },  'at least' ],
    [ maximum           => sub { $_[0] > $_[1] },  'at most' ],
    [ exclusive_minimum => sub { $_[0] <= $_[1] }, 'more than' ],
    [ exclusive_maximum => sub { $_[0] >= $_[1] }, 'less than' ],
);

sub _bounds {
    my ( $type, $value, $path ) = @_;
    for my $bound (@BOUNDS) {
        my ( $key, $broken, $words ) = @{$bound};
        next if !defined $type->{$key};
        if ( $broken->( $value, $type->{$key} ) ) {
            return fail( $path, "must be $words $type->{$key}" );
        }
    }
    my $step = $type->{multiple_of};
    if ( defined $step && $step > 0 ) {
        my $ratio = $value / $step;
        if ( abs( $ratio - int( $ratio + ( $ratio < 0 ? -0.5 : 0.5 ) ) ) > 1e-9 ) {
            return fail( $path, "must be a multiple of $step" );
        }
    }
    return $value;
}

sub _enum {
    my ( $type, $value, $path ) = @_;
    my $base = $type->{base};
    return _string( { t => 'string' }, $value, $path ) if $base eq 'string';
    return _number( { t => $base }, $value, $path );
}

sub _const {
    my ( $type, $value, $path ) = @_;
    return _plain($value) if same_json( _plain($value), $type->{value} );
    my $want = ChatKit::Runtime::JSON::json_encode( $type->{value} );
    return fail( $path, "must be $want" );
}

sub _array {
    my ( $type, $value, $path ) = @_;
    return _expect( $path, 'an array', $value ) if json_kind($value) ne 'array';
    my $count = @{$value};
    if ( defined $type->{min_items} && $count < $type->{min_items} ) {
        return fail( $path, "must have at least $type->{min_items} items" );
    }
    if ( defined $type->{max_items} && $count > $type->{max_items} ) {
        return fail( $path, "must have at most $type->{max_items} items" );
    }
    my $prefix = length $path ? "$path." : q{};
    return [ map { decode_value( $type->{of}, $value->[$_], "$prefix$_" ) } 0 .. $count - 1 ];
}

sub _map {
    my ( $type, $value, $path ) = @_;
    return _expect( $path, 'an object', $value ) if json_kind($value) ne 'object';
    my $count = keys %{$value};
    if ( defined $type->{min_properties} && $count < $type->{min_properties} ) {
        return fail( $path, "must have at least $type->{min_properties} properties" );
    }
    if ( defined $type->{max_properties} && $count > $type->{max_properties} ) {
        return fail( $path, "must have at most $type->{max_properties} properties" );
    }
    my $prefix = length $path ? "$path." : q{};
    my %out;
    for my $key ( sort keys %{$value} ) {
        $out{$key} = decode_value( $type->{of}, $value->{$key}, "$prefix$key" );
    }
    return \%out;
}

sub _union {
    my ( $type, $value, $path ) = @_;
    my $disc = $type->{discriminator};
    if ( $disc && json_kind($value) eq 'object' ) {
        my $tag   = $value->{ $disc->{property} };
        my $class = defined $tag ? $disc->{mapping}{$tag} : undef;
        return _model( { class => $class }, $value, $path ) if $class;
    }
    for my $variant ( @{ $type->{of} } ) {
        my $out = eval { decode_value( $variant, $value, $path ) };
        return $out if !$@;
    }
    my $kind = json_kind($value) || ref $value;
    return fail( $path, "matches none of the allowed types (got $kind)" );
}

sub _nullable {
    my ( $type, $value, $path ) = @_;
    return if !defined $value;
    return decode_value( $type->{of}, $value, $path );
}

sub _model {
    my ( $type, $value, $path ) = @_;
    my $class = load_class( $type->{class} );
    if ( $class->can('_type') ) {    # an enum or an alias: its type
        return decode_value( $class->_type, $value, $path );
    }
    return $value                                if blessed $value && $value->isa($class);
    return _expect( $path, 'an object', $value ) if json_kind($value) ne 'object';
    return $class->_build( $value, $path );
}

1;

__END__

=head1 NAME

ChatKit::Runtime::Types - checks and converts values against type descriptors

=head1 DESCRIPTION

Every model declares its fields' types as descriptors, hash refs with the kind in
C<t>: C<string>, C<integer>, C<number>, C<boolean>, C<enum> (open: any value of the
C<base> kind), C<const>, C<array> and C<map> (C<of>), C<union> (C<of>, optional
C<discriminator>), C<nullable> (C<of>), C<model> (C<class>), C<any> and C<binary>,
with the schema's constraints (C<min_length>, C<maximum>, ...).

=head1 FUNCTIONS

=over 4

=item decode_value($type, $value, $path)

The checked value; throws L<ChatKit::Error::Validation> naming the JSON path.

=item encode_value($value)

Plain JSON data: models become hashes.

=item same_json($left, $right)

JSON equality, kinds included.

=item fail($path, $reason)

=back

=cut
