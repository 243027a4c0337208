package ChatKit::Runtime::Model;

use strict;
use warnings;

use Scalar::Util qw(blessed);
use ChatKit::Runtime::JSON qw(json_decode json_encode json_kind);
use ChatKit::Runtime::Types qw(decode_value encode_value fail);
use overload
  q{""}    => sub { $_[0]->dump },
  'bool'   => sub { 1 },
  fallback => 1;

our $VERSION = '0.01';

my $REDACTED = '[REDACTED]';

# Build from Perl arguments, by accessor name; dies with ChatKit::Error::Validation.
sub new {
    my ( $class, @args ) = @_;
    if ( @args % 2 ) {
        fail( q{}, "$class->new takes name => value pairs" );
    }
    my %args = @args;
    my %wire;
    my %by_arg = map { $_->{arg} => $_ } @{ $class->_fields };
    for my $name ( sort keys %args ) {
        my $field = $by_arg{$name}
          or fail( $name, "is not a field of $class" );
        $wire{ $field->{key} } = $args{$name};
    }
    return $class->_build( \%wire, q{} );
}

# Build from decoded JSON (wire names); unknown keys are kept.
sub from_hash {
    my ( $class, $data ) = @_;
    if ( json_kind($data) ne 'object' ) {
        my $kind = json_kind($data) || ref $data;
        fail( q{}, "expected an object, got $kind" );
    }
    return $class->_build( $data, q{} );
}

sub from_json {
    my ( $class, $text ) = @_;
    my $data = eval { json_decode($text) };
    if ( my $error = $@ ) {
        $error =~ s/\s+at\s+\S+\s+line\s+\d+.*//xms;
        fail( q{}, "invalid JSON: $error" );
    }
    return $class->from_hash($data);
}

sub _build {
    my ( $class, $data, $path ) = @_;
    my $prefix = length $path ? "$path." : q{};
    my ( %values, %extra );
    my $fields = $class->_fields;
    my %known;
    for my $field ( @{$fields} ) {
        my $key = $field->{key};
        $known{$key} = 1;
        if ( exists $data->{$key} ) {
            $values{$key} =
              decode_value( $field->{type}, $data->{$key}, "$prefix$key" );
        }
        elsif ( $field->{required} ) {
            fail( "$prefix$key", 'is required' );
        }
    }
    my $additional = $class->_additional;
    for my $key ( sort keys %{$data} ) {
        next if $known{$key};
        $extra{$key} =
          $additional
          ? decode_value( $additional, $data->{$key}, "$prefix$key" )
          : decode_value( { t => 'any' }, $data->{$key}, "$prefix$key" );
    }
    return bless { _v => \%values, _x => \%extra }, $class;
}

# Fields not declared by the schema, as sent (a hash ref copy).
sub extra_fields {
    my ($self) = @_;
    return { %{ $self->{_x} } };
}

# The field with this wire name (declared or not), as stored.
sub get {
    my ( $self, $key ) = @_;
    return exists $self->{_v}{$key} ? $self->{_v}{$key} : $self->{_x}{$key};
}

# Whether the value of an enum field (by accessor name) is one the schema lists; an unknown
# value is kept, never rejected. Dies for a field that is not an enum.
sub is_known {
    my ( $self, $arg ) = @_;
    my ($field) = grep { $_->{arg} eq $arg } @{ $self->_fields };
    fail( $arg, 'is not a field of ' . ref $self ) if !$field;
    my $type = $field->{type};
    $type = $type->{of} if $type->{t} eq 'nullable';
    if ( $type->{t} eq 'model' ) {
        my $class = ChatKit::Runtime::Types::load_class( $type->{class} );
        fail( $arg, 'is not an enum' ) if !$class->can('is_known');
        return $class->is_known( $self->{_v}{ $field->{key} } );
    }
    fail( $arg, 'is not an enum' ) if $type->{t} ne 'enum';
    my $value = $self->{_v}{ $field->{key} };
    return 0 if !defined $value;
    return ( grep { $_ eq $value } @{ $type->{values} } ) ? 1 : 0;
}

# Plain data with the wire names: exactly what from_hash read (unknown fields too).
sub to_hash {
    my ($self) = @_;
    my %out;
    for my $key ( keys %{ $self->{_x} } ) {
        $out{$key} = encode_value( $self->{_x}{$key} );
    }
    for my $key ( keys %{ $self->{_v} } ) {
        $out{$key} = encode_value( $self->{_v}{$key} );
    }
    return \%out;
}

sub to_json {
    my ($self) = @_;
    return json_encode( $self->to_hash );
}

# to_hash with every secret field (and secrets in nested models) replaced.
sub redacted_hash {
    my ($self) = @_;
    my $out    = $self->to_hash;
    for my $field ( @{ $self->_fields } ) {
        my $key = $field->{key};
        next if !exists $self->{_v}{$key};
        if ( $field->{secret} ) {
            $out->{$key} = $REDACTED;
            next;
        }
        $out->{$key} = _redacted( $self->{_v}{$key} );
    }
    return $out;
}

sub _redacted {
    my ($value) = @_;
    return $value->redacted_hash
      if blessed $value && $value->can('redacted_hash');
    return [ map { _redacted($_) } @{$value} ] if ref $value eq 'ARRAY';
    if ( ref $value eq 'HASH' ) {
        return { map { $_ => _redacted( $value->{$_} ) } keys %{$value} };
    }
    return encode_value($value);
}

# One line for logs and debugging: the class and its JSON, secrets redacted.
sub dump {    ## no critic (Subroutines::ProhibitBuiltinHomonyms)
    my ($self) = @_;
    return ref($self) . q{ } . json_encode( $self->redacted_hash );
}

sub _additional { return }

# Called once by every model class: a read-only accessor and a has_ predicate per field.
sub _install_accessors {
    my ($class) = @_;
    for my $field ( @{ $class->_fields } ) {
        my $key = $field->{key};
        no strict 'refs';    ## no critic (TestingAndDebugging::ProhibitNoStrict)
        *{"${class}::$field->{arg}"} = sub { return $_[0]{_v}{$key} };
        *{"${class}::has_$field->{arg}"} =
          sub { return exists $_[0]{_v}{$key} ? 1 : 0 };
    }
    return;
}

1;

__END__

=head1 NAME

ChatKit::Runtime::Model - the base class of every model

=head1 DESCRIPTION

A model is read-only: its accessors return the values it was built with. Absent and
null are kept apart: C<has_E<lt>fieldE<gt>> is true for a field that was given, even
as C<undef> (JSON null). Unknown fields are kept and written back by C<to_hash>.

=head1 METHODS

=over 4

=item new(%args)

By accessor name. Nested models may be given as hash refs. Dies with
L<ChatKit::Error::Validation> naming the field.

=item from_hash($data), from_json($text)

From decoded JSON, by wire name. C<to_hash>/C<to_json> give back exactly the same
JSON values.

=item to_hash, to_json

=item extra_fields

The fields the schema does not declare.

=item get($wire_name)

=item is_known($field)

For an enum field: whether its value is one the schema lists (unknown values are kept).

=item redacted_hash, dump

Secrets (C<x-oasgen-secret>, C<format: password>) replaced by C<[REDACTED]>.
Stringifying a model gives C<dump>.

=back

=cut
